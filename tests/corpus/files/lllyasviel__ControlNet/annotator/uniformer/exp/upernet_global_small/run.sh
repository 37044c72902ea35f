#!/usr/bin/env bash
# Stand-in for lllyasviel/ControlNet:annotator/uniformer/exp/upernet_global_small/run.sh - hand-written for the osai-scan corpus, not copied.
work_path=$(dirname $0)
PYTHONPATH="$(dirname $0)/../../":$PYTHONPATH \
python -m torch.distributed.launch --nproc_per_node=8 \
    tools/train.py ${work_path}/config.py \
    --launcher pytorch \
    --work-dir ${work_path}/ckpt
