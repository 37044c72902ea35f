# Stand-in for openai/guided-diffusion:guided_diffusion/dist_util.py - hand-written for the osai-scan corpus, not copied.
import io
import os

import blobfile as bf
import torch as th
import torch.distributed as dist


def setup_dist():
    if dist.is_initialized():
        return
    os.environ.setdefault("MASTER_ADDR", "localhost")
    os.environ.setdefault("MASTER_PORT", "29500")
    dist.init_process_group(backend="nccl" if th.cuda.is_available() else "gloo", init_method="env://")


def dev():
    return th.device("cuda" if th.cuda.is_available() else "cpu")


def load_state_dict(path, **kwargs):
    with bf.BlobFile(path, "rb") as f:
        data = f.read()
    return th.load(io.BytesIO(data), **kwargs)


def sync_params(params):
    for p in params:
        with th.no_grad():
            dist.broadcast(p, 0)
