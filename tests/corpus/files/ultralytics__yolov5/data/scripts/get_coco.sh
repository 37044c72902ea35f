#!/bin/bash
# Stand-in for ultralytics/yolov5:data/scripts/get_coco.sh - hand-written for the osai-scan corpus, not copied.
# downloads the training and validation images and their labels
d=../datasets/coco/images
for f in train2017.zip val2017.zip; do
  curl -L "http://images.cocodataset.org/zips/$f" -o "$f" && unzip -q "$f" -d "$d" && rm "$f"
done
