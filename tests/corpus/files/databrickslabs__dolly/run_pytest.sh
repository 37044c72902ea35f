#!/bin/bash
# Stand-in for databrickslabs/dolly:run_pytest.sh - hand-written for the osai-scan corpus, not copied.
set -e
python -m pytest --cov=dolly --cov-report=term --cov-branch "$@"
