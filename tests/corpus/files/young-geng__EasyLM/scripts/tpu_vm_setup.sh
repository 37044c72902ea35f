#! /bin/bash
# Stand-in for young-geng/EasyLM:scripts/tpu_vm_setup.sh - hand-written for the osai-scan corpus, not copied.
sudo apt-get update && sudo apt-get install -y build-essential python-is-python3 tmux git
pip install -U "jax[tpu]" flax optax transformers datasets mlxu sentencepiece \
    -f https://storage.googleapis.com/jax-releases/libtpu_releases.html
