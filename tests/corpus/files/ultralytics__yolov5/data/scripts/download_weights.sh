#!/bin/bash
# Stand-in for ultralytics/yolov5:data/scripts/download_weights.sh - hand-written for the osai-scan corpus, not copied.
# downloads the released pretrained checkpoints
python - <<EOF
from utils.downloads import attempt_download
for size in "nsmlx":
    attempt_download(f"weights/yolov5{size}.pt")
EOF
