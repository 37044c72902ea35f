#!/bin/bash
# Stand-in for timothybrooks/instruct-pix2pix:scripts/download_checkpoints.sh - hand-written for the osai-scan corpus, not copied.
# fetches the released editing checkpoint
SCRIPT_DIR=$( cd -- "$( dirname -- "${BASH_SOURCE[0]}" )" &> /dev/null && pwd )
mkdir -p $SCRIPT_DIR/../checkpoints
curl https://example.org/released-editing-model.ckpt -o $SCRIPT_DIR/../checkpoints/released.ckpt
