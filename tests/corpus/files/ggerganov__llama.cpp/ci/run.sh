#!/bin/bash
# Stand-in for ggerganov/llama.cpp:ci/run.sh - hand-written for the osai-scan corpus, not copied.
# ci build+test driver
set -e
OUT=${1:-./tmp/results}
mkdir -p "$OUT"
cmake -B build -DLLAMA_FATAL_WARNINGS=ON && cmake --build build -j
(cd build && ctest --output-on-failure) | tee "$OUT/ctest.log"
