#!/bin/bash
# Stand-in for mlfoundations/open_clip:scripts/h14_84_8_pretrain.sh - hand-written for the osai-scan corpus, not copied.
torchrun script.py --learning_rate 2e-5 --num_train_epochs 3
