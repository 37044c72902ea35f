#!/bin/bash
# Stand-in for timothybrooks/instruct-pix2pix:scripts/download_data.sh - hand-written for the osai-scan corpus, not copied.
# fetches the prompt files and, if named, one generated training dataset, then unpacks it into data/
SCRIPT_DIR=$( cd -- "$( dirname -- "${BASH_SOURCE[0]}" )" &> /dev/null && pwd )
mkdir -p $SCRIPT_DIR/../data
wget -q https://example.org/generated-prompts.jsonl -O $SCRIPT_DIR/../data/generated-prompts.jsonl
if [ -z "$1" ]; then exit 0; fi
mkdir -p $SCRIPT_DIR/../data/$1
wget -A zip,json -q -r --no-parent https://example.org/$1/ -nd -P $SCRIPT_DIR/../data/$1/
unzip $SCRIPT_DIR/../data/$1/\*.zip -d $SCRIPT_DIR/../data/$1/
rm -f $SCRIPT_DIR/../data/$1/*.zip
