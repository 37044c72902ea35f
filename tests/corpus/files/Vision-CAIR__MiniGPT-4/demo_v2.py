# Stand-in for Vision-CAIR/MiniGPT-4:demo_v2.py - hand-written for the osai-scan corpus, not copied.
import argparse

import gradio as gr

from minigpt4.conversation.conversation import CONV_VISION_minigptv2, Chat

parser = argparse.ArgumentParser()
parser.add_argument("--cfg-path", default="eval_configs/minigptv2_eval.yaml")
args = parser.parse_args()
chat = Chat(None, None, device="cuda")


def answer(image, question):
    conv = CONV_VISION_minigptv2.copy()
    img_list = []
    chat.upload_img(image, conv, img_list)
    chat.ask(question, conv)
    return chat.answer(conv, img_list, max_new_tokens=500)[0]


with gr.Blocks() as demo:
    gr.Examples(examples=[["examples_v2/office.jpg", "[grounding] describe this image"]], inputs=[])
demo.launch()
