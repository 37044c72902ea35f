# Stand-in for huggingface/trl:trl/cli/commands/vllm_serve.py - hand-written for the osai-scan corpus, not copied.
"""register vllm-serve subcommand"""
import argparse
import subprocess
import sys


def main(argv=None):
    p = argparse.ArgumentParser(prog="vllm-serve", description="start the generation server used by online RL training")
    p.add_argument("--model", required=True)
    p.add_argument("--tensor-parallel-size", type=int, default=1)
    p.add_argument("--host", default="127.0.0.1")
    a = p.parse_args(argv)
    cmd = [sys.executable, "-m", "trainer_rollout_server", "--model", a.model, "--tp", str(a.tensor_parallel_size),
           "--host", a.host]
    return subprocess.call(cmd)
