# Stand-in for allenai/open-instruct:scripts/weights/weight_diff.py - hand-written for the osai-scan corpus, not copied.
# makes a weight diff between a tuned and a base model, or recovers the tuned weights from the diff
import fire
import torch
import transformers


@torch.inference_mode()
def make_diff(path_raw, path_tuned, path_diff):
    raw = transformers.AutoModelForCausalLM.from_pretrained(path_raw)
    tuned = transformers.AutoModelForCausalLM.from_pretrained(path_tuned)
    raw_sd = raw.state_dict()
    for k, v in tuned.state_dict().items():
        v.data -= raw_sd[k]
    tuned.save_pretrained(path_diff)


@torch.inference_mode()
def recover(path_raw, path_diff, path_tuned):
    raw = transformers.AutoModelForCausalLM.from_pretrained(path_raw)
    diff = transformers.AutoModelForCausalLM.from_pretrained(path_diff)
    raw_sd = raw.state_dict()
    for k, v in diff.state_dict().items():
        v.data += raw_sd[k]
    diff.save_pretrained(path_tuned)


def main(task, **kwargs):
    globals()[task](**kwargs)


if __name__ == "__main__":
    fire.Fire(main)
