# Stand-in for huggingface/nanotron:run_evals.py - hand-written for the osai-scan corpus, not copied.
import argparse

from lighteval.config.lighteval_config import LightEvalConfig, LightEvalTasksArgs
from lighteval.main_nanotron import nanotron

from nanotron.config import ParallelismArgs


def create_lighteval_config(checkpoint_path, tasks, output_dir):
    return LightEvalConfig(
        tasks=LightEvalTasksArgs(tasks=tasks),
        parallelism=ParallelismArgs(dp=1, pp=1, tp=1),
        logging={"output_dir": output_dir},
    )


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--checkpoint-config-path", required=True)
    parser.add_argument("--lighteval-override", default=None)
    args = parser.parse_args()
    nanotron(checkpoint_config_path=args.checkpoint_config_path, lighteval_config_path=args.lighteval_override)
