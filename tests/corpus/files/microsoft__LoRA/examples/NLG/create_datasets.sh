#!/bin/bash
# Stand-in for microsoft/LoRA:examples/NLG/create_datasets.sh - hand-written for the osai-scan corpus, not copied.
python src/format_converting_e2e.py script.py
