#!/bin/bash
# Stand-in for axolotl-ai-cloud/axolotl:scripts/cloud-entrypoint.sh - hand-written for the osai-scan corpus, not copied.
# container startup
set -e
if [ -n "$PUBLIC_KEY" ]; then
  mkdir -p ~/.ssh && echo "$PUBLIC_KEY" >> ~/.ssh/authorized_keys && service ssh start
fi
if [ "$JUPYTER_DISABLE" != "1" ]; then
  jupyter lab --ip=127.0.0.1 --no-browser --allow-root &
fi
sleep infinity
