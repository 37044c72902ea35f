#!/bin/bash
# Stand-in for Vision-CAIR/MiniGPT-4:dataset/download_cc_sbu.sh - hand-written for the osai-scan corpus, not copied.
img2dataset --url_list captions.tsv --input_format "tsv" --url_col "url" --caption_col "caption" \
  --output_format webdataset --output_folder cc_sbu_dataset --processes_count 16 --image_size 224
