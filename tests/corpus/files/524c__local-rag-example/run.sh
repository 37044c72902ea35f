#!/bin/bash
# Stand-in for 524c/local-rag-example:run.sh - hand-written for the osai-scan corpus, not copied.
# streamlit run app
cd "$(dirname "$0")/.."
MODEL="${MODEL:-./models/model.gguf}"
./llama-cli -m "$MODEL" --color -i -r "User:" -n 256 --temp 0.7 -f prompts/chat-with-bob.txt "$@"
