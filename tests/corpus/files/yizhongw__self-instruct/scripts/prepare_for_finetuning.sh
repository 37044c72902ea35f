#!/bin/bash
# Stand-in for yizhongw/self-instruct:scripts/prepare_for_finetuning.sh - hand-written for the osai-scan corpus, not copied.
# run prepare_for_finetuning
OUT=generated/$(date +%Y%m%d)
mkdir -p "$OUT"
python pipeline/make_tasks.py --seeds seeds.jsonl --out "$OUT/tasks.jsonl" --n 500 --model gpt-4o-mini
