# Stand-in for openai/guided-diffusion:datasets/lsun_bedroom.py - hand-written for the osai-scan corpus, not copied.
import argparse
import io
import os

import lmdb
from PIL import Image


def read_images(lmdb_path, image_size):
    env = lmdb.open(lmdb_path, readonly=True, lock=False)
    with env.begin(write=False) as txn:
        for _, data in txn.cursor():
            img = Image.open(io.BytesIO(data)).convert("RGB")
            yield img.resize((image_size, image_size), Image.BICUBIC)


def main():
    parser = argparse.ArgumentParser(description="export LSUN bedroom as training image files")
    parser.add_argument("--image-size", type=int, default=256)
    parser.add_argument("lmdb_path")
    parser.add_argument("out_dir")
    args = parser.parse_args()
    os.makedirs(args.out_dir, exist_ok=True)
    for i, img in enumerate(read_images(args.lmdb_path, args.image_size)):
        img.save(os.path.join(args.out_dir, f"{i:07d}.png"))


if __name__ == "__main__":
    main()
