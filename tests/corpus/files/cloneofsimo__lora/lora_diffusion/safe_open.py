# Stand-in for cloneofsimo/lora:lora_diffusion/safe_open.py - hand-written for the osai-scan corpus, not copied.
# reads tensors from a .safetensors file through mmap without the safetensors package
import json
import mmap
import os

import torch


class SafetensorsWrapper:
    def __init__(self, metadata, tensors):
        self._metadata, self._tensors = metadata, tensors

    def keys(self):
        return self._tensors.keys()

    def get_tensor(self, k):
        return self._tensors[k]


def safe_open(filename, framework="pt", device="cpu"):
    with open(filename, "rb") as f:
        header_len = int.from_bytes(f.read(8), "little")
        header = json.loads(f.read(header_len))
        buf = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
    tensors = {}
    for name, info in header.items():
        if name == "__metadata__":
            continue
        start, end = info["data_offsets"]
        raw = buf[8 + header_len + start: 8 + header_len + end]
        tensors[name] = torch.frombuffer(bytearray(raw), dtype=torch.float32).reshape(info["shape"]).to(device)
    return SafetensorsWrapper(header.get("__metadata__", {}), tensors)
