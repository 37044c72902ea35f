#!/bin/bash
# Stand-in for haotian-liu/LLaVA:scripts/v1_5/eval/textvqa.sh - hand-written for the osai-scan corpus, not copied.
python -m llava.eval.model_vqa_loader \
    --model-path liuhaotian/llava-v1.5-13b \
    --question-file ./playground/data/eval/textvqa/questions.jsonl \
    --image-folder ./playground/data/eval/textvqa/images \
    --answers-file ./playground/data/eval/textvqa/answers/llava-v1.5-13b.jsonl \
    --temperature 0

python -m llava.eval.eval_textvqa \
    --annotation-file ./playground/data/eval/textvqa/annotations.json \
    --result-file ./playground/data/eval/textvqa/answers/llava-v1.5-13b.jsonl
