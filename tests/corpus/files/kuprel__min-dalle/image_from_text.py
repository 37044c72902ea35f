# Stand-in for kuprel/min-dalle:image_from_text.py - hand-written for the osai-scan corpus, not copied.
import argparse

import torch

from min_dalle import MinDalle

parser = argparse.ArgumentParser()
parser.add_argument("--text", type=str, default="a painting of a lighthouse")
parser.add_argument("--seed", type=int, default=-1)
parser.add_argument("--grid-size", type=int, default=1)
parser.add_argument("--image-path", type=str, default="generated")


def generate_image(text, seed, grid_size, image_path):
    model = MinDalle(dtype=torch.float32, is_mega=False, is_reusable=False)
    image = model.generate_image(text, seed, grid_size, temperature=1, top_k=256, supercondition_factor=16)
    image.save(image_path + ".png")


if __name__ == "__main__":
    args = parser.parse_args()
    generate_image(args.text, args.seed, args.grid_size, args.image_path)
