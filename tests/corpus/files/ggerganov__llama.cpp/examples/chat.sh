#!/bin/bash
# Stand-in for ggerganov/llama.cpp:examples/chat.sh - hand-written for the osai-scan corpus, not copied.
# run llama-cli interactive chat
cd "$(dirname "$0")/.."
MODEL="${MODEL:-./models/model.gguf}"
./llama-cli -m "$MODEL" --color -i -r "User:" -n 256 --temp 0.7 -f prompts/chat-with-bob.txt "$@"
