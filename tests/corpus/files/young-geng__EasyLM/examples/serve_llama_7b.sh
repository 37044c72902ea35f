#! /bin/bash
# Stand-in for young-geng/EasyLM:examples/serve_llama_7b.sh - hand-written for the osai-scan corpus, not copied.
python -m EasyLM.models.llama.llama_serve \
    --load_llama_config='7b' \
    --load_checkpoint="params::/path/to/checkpoint" \
    --lm_server.port=35009
