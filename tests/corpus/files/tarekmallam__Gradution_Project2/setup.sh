#!/bin/bash
# Stand-in for tarekmallam/Gradution_Project2:setup.sh - hand-written for the osai-scan corpus, not copied.
# venv + pip install
python3 -m venv venv
source venv/bin/activate
pip install --upgrade pip
pip install -r requirements.txt
