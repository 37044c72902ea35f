# Stand-in for lllyasviel/ControlNet:tool_transfer_control.py - hand-written for the osai-scan corpus, not copied.
# moves a trained control branch onto another SD base model: new = control + (other_base - sd15)
import torch

from share import *
from cldm.model import load_state_dict

sd15 = load_state_dict("./models/sd15.ckpt")
with_control = load_state_dict("./models/control_sd15_pose.pth")
other_base = load_state_dict("./models/other_base.safetensors")

final = {}
for key, value in with_control.items():
    if key.startswith("control_model."):
        base_key = "model.diffusion_" + key[len("control_model."):]
        final[key] = value + other_base[base_key] - sd15[base_key] if base_key in other_base else value
    else:
        final[key] = other_base.get(key, value)

torch.save(final, "./models/control_other_pose.pth")
