# Stand-in for CompVis/taming-transformers:scripts/extract_submodel.py - hand-written for the osai-scan corpus, not copied.
import sys

import torch

if __name__ == "__main__":
    inpath, outpath = sys.argv[1], sys.argv[2]
    prefix = sys.argv[3] if len(sys.argv) > 3 else "cond_stage_model"
    sd = torch.load(inpath, map_location="cpu")
    new_sd = {"state_dict": {k.split(".", 1)[-1]: v for k, v in sd["state_dict"].items() if k.startswith(prefix)}}
    torch.save(new_sd, outpath)
