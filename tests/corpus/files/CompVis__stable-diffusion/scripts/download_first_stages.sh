#!/bin/bash
# Stand-in for CompVis/stable-diffusion:scripts/download_first_stages.sh - hand-written for the osai-scan corpus, not copied.
# wget pretrained checkpoints
set -e
TARGET=${TARGET:-models}
mkdir -p "$TARGET"
wget --continue -O "$TARGET/model.ckpt" "$PRESIGNED_URL/model.ckpt"
wget --continue -O "$TARGET/tokenizer.model" "$PRESIGNED_URL/tokenizer.model"
(cd "$TARGET" && md5sum -c checklist.chk)
