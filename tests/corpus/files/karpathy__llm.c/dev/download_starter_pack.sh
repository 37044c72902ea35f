#!/bin/bash
# Stand-in for karpathy/llm.c:dev/download_starter_pack.sh - hand-written for the osai-scan corpus, not copied.
# download starter pack of token shards
set -e
mkdir -p data/train data/val
for i in $(seq -w 0 9); do
  wget -q -O data/train/shard_$i.bin "https://example.org/pretokenized/train_$i.bin"
done
wget -q -O data/val/shard_0.bin "https://example.org/pretokenized/val_0.bin"
echo "training shards ready"
