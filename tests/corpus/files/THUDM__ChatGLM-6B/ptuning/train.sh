#!/bin/bash
# Stand-in for THUDM/ChatGLM-6B:ptuning/train.sh - hand-written for the osai-scan corpus, not copied.
python3 main.py script.py --learning_rate 2e-5 --num_train_epochs 3
