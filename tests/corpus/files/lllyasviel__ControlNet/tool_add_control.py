# Stand-in for lllyasviel/ControlNet:tool_add_control.py - hand-written for the osai-scan corpus, not copied.
# writes the initial checkpoint for training: SD weights copied into both the UNet and the new control branch
import sys

import torch

from share import *
from cldm.model import create_model


def main(input_path, output_path):
    model = create_model(config_path="./models/cldm_v15.yaml")
    pretrained = torch.load(input_path)
    pretrained = pretrained.get("state_dict", pretrained)
    target = {}
    for k, v in model.state_dict().items():
        src = "model.diffusion_" + k[len("control_"):] if k.startswith("control_") else k
        target[k] = pretrained[src].clone() if src in pretrained else v.clone()
    model.load_state_dict(target, strict=True)
    torch.save(model.state_dict(), output_path)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
