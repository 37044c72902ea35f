# Stand-in for Vision-CAIR/MiniGPT-4:demo.py - hand-written for the osai-scan corpus, not copied.
import argparse

import gradio as gr

from minigpt4.common.config import Config
from minigpt4.common.registry import registry
from minigpt4.conversation.conversation import CONV_VISION_Vicuna0, Chat

parser = argparse.ArgumentParser()
parser.add_argument("--cfg-path", required=True)
args = parser.parse_args()
cfg = Config(args)
model = registry.get_model_class(cfg.model_cfg.arch).from_config(cfg.model_cfg).to("cuda")
vis_processor = registry.get_processor_class("blip2_image_eval").from_config(cfg.datasets_cfg)
chat = Chat(model, vis_processor, device="cuda")


def answer(image, question):
    conv = CONV_VISION_Vicuna0.copy()
    img_list = []
    chat.upload_img(image, conv, img_list)
    chat.ask(question, conv)
    return chat.answer(conv, img_list, max_new_tokens=300)[0]


gr.Interface(fn=answer, inputs=["image", "text"], outputs="text").launch()
