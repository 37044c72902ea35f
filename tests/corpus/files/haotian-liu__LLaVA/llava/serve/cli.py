# Stand-in for haotian-liu/LLaVA:llava/serve/cli.py - hand-written for the osai-scan corpus, not copied.
import argparse

import torch
from transformers import TextStreamer

from llava.conversation import conv_templates
from llava.model.builder import load_pretrained_model
from llava.mm_utils import process_images


def main(args):
    tokenizer, model, image_processor, _ = load_pretrained_model(args.model_path, None, "llava")
    conv = conv_templates["llava_v1"].copy()
    streamer = TextStreamer(tokenizer, skip_prompt=True)
    while True:
        inp = input(f"{conv.roles[0]}: ")
        if not inp:
            break
        conv.append_message(conv.roles[0], inp)
        input_ids = tokenizer(conv.get_prompt(), return_tensors="pt").input_ids
        with torch.inference_mode():
            output_ids = model.generate(input_ids, max_new_tokens=512, streamer=streamer)
        conv.append_message(conv.roles[1], tokenizer.decode(output_ids[0]))


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--model-path", default="liuhaotian/llava-v1.5-7b")
    main(parser.parse_args())
