# Stand-in for allenai/open-instruct:mason.py - hand-written for the osai-scan corpus, not copied.
# wraps an open_instruct training command into a Beaker experiment and submits it
import argparse
import shlex

import beaker

OPEN_INSTRUCT_COMMANDS = ["open_instruct/finetune.py", "open_instruct/dpo.py", "open_instruct/grpo_fast.py",
                          "open_instruct/reward_modeling.py"]


def get_args():
    parser = argparse.ArgumentParser()
    parser.add_argument("--cluster", nargs="+", default=[])
    parser.add_argument("--gpus", type=int, default=1)
    parser.add_argument("--task_name", default="beaker_mason")
    args, command = parser.parse_known_args()
    return args, command


def main():
    args, command = get_args()
    client = beaker.Beaker.from_env()
    spec = beaker.ExperimentSpec.new(task_name=args.task_name, command=["/bin/sh", "-c", shlex.join(command)],
                                     gpu_count=args.gpus, cluster=args.cluster)
    client.experiment.create(spec=spec)


if __name__ == "__main__":
    main()
