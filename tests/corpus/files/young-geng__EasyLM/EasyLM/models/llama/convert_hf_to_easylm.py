# Stand-in for young-geng/EasyLM:EasyLM/models/llama/convert_hf_to_easylm.py - hand-written for the osai-scan corpus, not copied.
import mlxu
import torch

from EasyLM.checkpoint import StreamingCheckpointer

FLAGS, FLAGS_DEF = mlxu.define_flags_with_default(hf_model="", output_file="", streaming=True)


def main(argv):
    from transformers import LlamaForCausalLM

    hf_model = LlamaForCausalLM.from_pretrained(FLAGS.hf_model, torch_dtype=torch.float16)
    params = {name: tensor.numpy() for name, tensor in hf_model.state_dict().items()}
    StreamingCheckpointer.save_train_state_to_file({"params": params}, FLAGS.output_file)


if __name__ == "__main__":
    mlxu.run(main)
