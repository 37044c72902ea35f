# Stand-in for facebookresearch/mae:submitit_linprobe.py - hand-written for the osai-scan corpus, not copied.
import argparse
import os

import submitit

import main_linprobe as trainer


class Trainer:
    def __init__(self, args):
        self.args = args

    def __call__(self):
        trainer.main(self.args)

    def checkpoint(self):
        return submitit.helpers.DelayedSubmission(type(self)(self.args))


def main():
    parser = argparse.ArgumentParser("submitit launcher for main_linprobe")
    parser.add_argument("--nodes", default=2, type=int)
    parser.add_argument("--timeout", default=4320, type=int)
    args = parser.parse_args()
    executor = submitit.AutoExecutor(folder=os.path.expanduser("~/checkpoint/experiments"))
    executor.update_parameters(gpus_per_node=8, nodes=args.nodes, timeout_min=args.timeout)
    job = executor.submit(Trainer(args))
    print("Submitted job_id:", job.job_id)


if __name__ == "__main__":
    main()
