# Stand-in for timothybrooks/instruct-pix2pix:prompt_app.py - hand-written for the osai-scan corpus, not copied.
# interactive view of the caption-editing step of the dataset generation
import datasets
import gradio as gr
import numpy as np

from dataset_creation.generate_txt_dataset import generate


def main(openai_model):
    captions = datasets.load_dataset("some-org/image-captions", split="train")["TEXT"]
    with gr.Blocks() as demo:
        caption = gr.Textbox(label="Input caption")
        instruction = gr.Textbox(label="Generated instruction")
        edited = gr.Textbox(label="Edited caption")
        gr.Button("Random").click(lambda: captions[np.random.randint(len(captions))], outputs=caption)
        gr.Button("Generate").click(lambda c: generate(openai_model, c), inputs=caption, outputs=[instruction, edited])
    demo.launch(share=True)


if __name__ == "__main__":
    main("fine-tuned-gpt3")
