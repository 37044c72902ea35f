#!/bin/bash
# Stand-in for huggingface/nanotron:examples/train_tiny_llama.sh - hand-written for the osai-scan corpus, not copied.
set -e -x
EXAMPLE_PATH=$(cd -- "$(dirname "$0")" >/dev/null 2>&1 ; pwd -P)
python "$EXAMPLE_PATH/config_tiny_llama.py"
export CUDA_DEVICE_MAX_CONNECTIONS=1
python -u -m torch.distributed.run --nproc_per_node 8 --nnodes 1 \
    "$(dirname "$EXAMPLE_PATH")/run_train.py" --config-file "$EXAMPLE_PATH/config_tiny_llama.yaml"
