# Stand-in for tatsu-lab/alpaca_eval:src/alpaca_eval/main.py - hand-written for the osai-scan corpus, not copied.
# CLI: annotate model outputs against reference outputs with a judge, print the leaderboard
import fire
import pandas as pd

from . import annotators, constants, decoders, metrics, utils


def evaluate(model_outputs=None, reference_outputs=constants.ALPACAEVAL_REFERENCE_OUTPUTS,
             annotators_config=constants.DEFAULT_ANNOTATOR_CONFIG, **kwargs):
    annotator = annotators.PairwiseAnnotator(annotators_config=annotators_config)
    annotations = annotator.annotate_head2head(outputs_1=reference_outputs, outputs_2=model_outputs)
    leaderboard = pd.DataFrame([metrics.get_length_controlled_winrate(annotations)])
    utils.print_leaderboard(leaderboard)
    return leaderboard


def evaluate_from_model(model_configs, **kwargs):
    outputs = decoders.get_fn_completions(model_configs["fn_completions"])(prompts=[], **model_configs["completions_kwargs"])
    return evaluate(model_outputs=outputs["completions"], **kwargs)


def main(task="evaluate", **kwargs):
    globals()[task](**kwargs)


if __name__ == "__main__":
    fire.Fire(main)
