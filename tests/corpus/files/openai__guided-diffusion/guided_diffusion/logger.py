# Stand-in for openai/guided-diffusion:guided_diffusion/logger.py - hand-written for the osai-scan corpus, not copied.
import json
import os
import sys

_kvs = {}
_dir = None


def configure(dir=None):
    global _dir
    _dir = dir or os.environ.get("OPENAI_LOGDIR", "/tmp/openai-log")
    os.makedirs(_dir, exist_ok=True)


def logkv(key, val):
    _kvs[key] = val


def dumpkvs():
    with open(os.path.join(_dir, "progress.json"), "a") as f:
        f.write(json.dumps(_kvs) + "\n")
    _kvs.clear()


def log(*args):
    print(*args, file=sys.stdout)


def get_dir():
    return _dir
