# Stand-in for haotian-liu/LLaVA:scripts/merge_lora_weights.py - hand-written for the osai-scan corpus, not copied.
import argparse

from llava.model.builder import load_pretrained_model
from llava.mm_utils import get_model_name_from_path


def merge_lora(args):
    name = get_model_name_from_path(args.model_path)
    tokenizer, model, _, _ = load_pretrained_model(args.model_path, args.model_base, name, device_map="cpu")
    model.save_pretrained(args.save_model_path)
    tokenizer.save_pretrained(args.save_model_path)


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--model-path", required=True)
    parser.add_argument("--model-base", required=True)
    parser.add_argument("--save-model-path", required=True)
    merge_lora(parser.parse_args())
