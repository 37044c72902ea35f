#!/bin/bash
# Stand-in for mistralai/mistral-inference:deploy/entrypoint.sh - hand-written for the osai-scan corpus, not copied.
# launch openai-compatible server
MODEL=${MODEL:-/models/current}
PORT=${PORT:-8000}
echo "serving $MODEL on 127.0.0.1:$PORT"
exec vllm serve "$MODEL" --host 127.0.0.1 --port "$PORT" --max-model-len 8192
