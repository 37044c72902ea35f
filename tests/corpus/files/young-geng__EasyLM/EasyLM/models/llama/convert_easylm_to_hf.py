# Stand-in for young-geng/EasyLM:EasyLM/models/llama/convert_easylm_to_hf.py - hand-written for the osai-scan corpus, not copied.
import json
import os

import mlxu
import torch

from EasyLM.checkpoint import StreamingCheckpointer

FLAGS, FLAGS_DEF = mlxu.define_flags_with_default(load_checkpoint="", output_dir="", model_size="7b")


def write_model(params, model_path):
    os.makedirs(model_path, exist_ok=True)
    state_dict = {name: torch.tensor(value) for name, value in params.items()}
    torch.save(state_dict, os.path.join(model_path, "pytorch_model.bin"))
    with open(os.path.join(model_path, "config.json"), "w") as f:
        json.dump({"architectures": ["LlamaForCausalLM"]}, f)


def main(argv):
    _, params = StreamingCheckpointer.load_trainstate_checkpoint(FLAGS.load_checkpoint, disallow_trainstate=True)
    write_model(params["params"], FLAGS.output_dir)


if __name__ == "__main__":
    mlxu.run(main)
