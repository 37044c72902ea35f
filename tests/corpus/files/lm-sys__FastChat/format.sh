#!/bin/bash
# Stand-in for lm-sys/FastChat:format.sh - hand-written for the osai-scan corpus, not copied.
# run black and pylint
set -e
black --check fastchat tests
pylint --rcfile=.pylintrc fastchat
