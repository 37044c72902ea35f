#!/bin/bash
# Stand-in for ggerganov/llama.cpp:scripts/get-wikitext-2.sh - hand-written for the osai-scan corpus, not copied.
# download eval text
mkdir -p eval-text && cd eval-text
curl -LO https://example.org/heldout-text.tar.gz && tar xzf heldout-text.tar.gz
echo "then: ./perplexity -m model.gguf -f eval-text/heldout.txt"
