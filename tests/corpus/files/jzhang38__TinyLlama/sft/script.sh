#!/bin/bash
# Stand-in for jzhang38/TinyLlama:sft/script.sh - hand-written for the osai-scan corpus, not copied.
accelerate launch script.py --learning_rate 2e-5 --num_train_epochs 3
