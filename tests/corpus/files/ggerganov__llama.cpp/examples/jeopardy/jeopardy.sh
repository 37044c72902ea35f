#!/bin/bash
# Stand-in for ggerganov/llama.cpp:examples/jeopardy/jeopardy.sh - hand-written for the osai-scan corpus, not copied.
# loop questions through llama-cli
cd "$(dirname "$0")/.."
MODEL="${MODEL:-./models/model.gguf}"
./llama-cli -m "$MODEL" --color -i -r "User:" -n 256 --temp 0.7 -f prompts/chat-with-bob.txt "$@"
