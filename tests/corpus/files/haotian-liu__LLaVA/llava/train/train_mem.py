# Stand-in for haotian-liu/LLaVA:llava/train/train_mem.py - hand-written for the osai-scan corpus, not copied.
from llava.train.train import train

if __name__ == "__main__":
    train(attn_implementation="flash_attention_2")
