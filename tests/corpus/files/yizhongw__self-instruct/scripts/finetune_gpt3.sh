#!/bin/bash
# Stand-in for yizhongw/self-instruct:scripts/finetune_gpt3.sh - hand-written for the osai-scan corpus, not copied.
# openai fine_tunes.create with n_epochs
TRAIN_FILE=$1
NAME=$2
FILE_ID=$(openai api files.create -f "$TRAIN_FILE" -p fine-tune | jq -r .id)
openai api fine_tuning.jobs.create -F "$FILE_ID" -m babbage-002 --suffix "$NAME" --hyperparameters '{"n_epochs": 3}'
