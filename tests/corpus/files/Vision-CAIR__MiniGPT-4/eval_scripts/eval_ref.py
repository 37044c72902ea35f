# Stand-in for Vision-CAIR/MiniGPT-4:eval_scripts/eval_ref.py - hand-written for the osai-scan corpus, not copied.
import argparse
import json

import torch
from torch.utils.data import DataLoader

from minigpt4.common.eval_utils import computeIoU, init_model, prepare_texts
from minigpt4.conversation.conversation import CONV_VISION_minigptv2

parser = argparse.ArgumentParser()
parser.add_argument("--cfg-path", default="eval_configs/minigptv2_benchmark_evaluation.yaml")
args = parser.parse_args()
model, vis_processor = init_model(args)
model.eval()


@torch.no_grad()
def evaluate(data, batch_size=10):
    hits = 0
    for images, questions, boxes in DataLoader(data, batch_size=batch_size, shuffle=False):
        texts = prepare_texts(questions, CONV_VISION_minigptv2)
        answers = model.generate(images, texts, max_new_tokens=20, do_sample=False)
        hits += sum(computeIoU(a, b) > 0.5 for a, b in zip(answers, boxes))
    return hits / max(len(data), 1)


print(json.dumps({"refcoco": evaluate([])}))
