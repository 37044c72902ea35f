#!/bin/bash
# Stand-in for THUDM/ChatGLM-6B:ptuning/evaluate.sh - hand-written for the osai-scan corpus, not copied.
python3 main.py script.py
