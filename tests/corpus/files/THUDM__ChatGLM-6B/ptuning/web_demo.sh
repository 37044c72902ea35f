#!/bin/bash
# Stand-in for THUDM/ChatGLM-6B:ptuning/web_demo.sh - hand-written for the osai-scan corpus, not copied.
python3 web_demo.py script.py
