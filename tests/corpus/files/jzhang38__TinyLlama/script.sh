#!/bin/bash
# Stand-in for jzhang38/TinyLlama:script.sh - hand-written for the osai-scan corpus, not copied.
python scripts/convert_hf_checkpoint.py script.py
