#! /bin/bash
# Stand-in for young-geng/EasyLM:scripts/tpu_commands.sh - hand-written for the osai-scan corpus, not copied.

function _tpu_create {
    gcloud alpha compute tpus tpu-vm create "$3" --accelerator-type="$1" --zone "$2"
}

function _tpu_copy {
    gcloud alpha compute tpus tpu-vm scp --recurse "$3" "$1":~/ --zone "$2" --worker=all
}

function _tpu_launch {
    gcloud alpha compute tpus tpu-vm ssh "$1" --zone "$2" --worker=all --command="tmux new -d -s launch 'bash $3'"
}

function tpu {
    cmd=$1
    shift
    "_tpu_$cmd" "$@"
}
