#!/bin/bash
# Stand-in for THUDM/ChatGLM-6B:ptuning/ds_train_finetune.sh - hand-written for the osai-scan corpus, not copied.
deepspeed script.py --learning_rate 2e-5 --num_train_epochs 3
