# Stand-in for tatsu-lab/alpaca_eval:scripts/precompute.py - hand-written for the osai-scan corpus, not copied.
# recomputes the evaluator leaderboards by running the evaluation of each judge config
import fire

from alpaca_eval import constants
from alpaca_eval import main as alpaca_main


def precompute_evaluator_leaderboard(max_instances=None, **kwargs):
    for annotators_config in constants.MINIMAL_EVALUATORS:
        alpaca_main.analyze_evaluators(annotators_config=annotators_config, max_instances=max_instances,
                                       is_save_leaderboard=max_instances is None, **kwargs)


def main(task, **kwargs):
    globals()[task](**kwargs)


if __name__ == "__main__":
    fire.Fire(main)
