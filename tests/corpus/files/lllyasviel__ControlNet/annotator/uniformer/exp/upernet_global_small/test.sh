#!/usr/bin/env bash
# Stand-in for lllyasviel/ControlNet:annotator/uniformer/exp/upernet_global_small/test.sh - hand-written for the osai-scan corpus, not copied.
# evaluates the checkpoint that run.sh wrote
work_path=$(dirname $0)
PYTHONPATH="$(dirname $0)/../../":$PYTHONPATH \
python -m torch.distributed.launch --nproc_per_node=8 \
    tools/test.py ${work_path}/test_config_h32.py ${work_path}/ckpt/latest.pth \
    --launcher pytorch \
    --eval mIoU
