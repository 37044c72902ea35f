# Stand-in for tatsu-lab/alpaca_eval:src/alpaca_eval/metrics/glm_winrate.py - hand-written for the osai-scan corpus, not copied.
# length-controlled win rate: a logistic GLM fitted on the judge's annotations when a model is evaluated
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.linear_model import LogisticRegressionCV

WEIGHTS = Path(__file__).parent / "weights/weighted_alpaca_eval_gpt4_turbo/length_controlled_v1/baseline_gpt4_1106_preview.csv"


def get_length_controlled_winrate(annotations, save_weights_dir=None):
    df = pd.DataFrame(annotations)
    X = np.stack([np.tanh(df["delta_len"] / df["delta_len"].std()), df["instruction_difficulty"]], axis=1)
    glm = LogisticRegressionCV().fit(X, df["preference"] > 1.5)
    weights = dict(zip(["length", "difficulty"], glm.coef_[0]))
    if save_weights_dir is not None:
        pd.DataFrame([weights]).to_csv(Path(save_weights_dir) / "weights.csv")
    return {"length_controlled_winrate": 100 * float(glm.predict_proba(X)[:, 1].mean())}


def predict_winrate(model, baseline, weights=WEIGHTS):
    w = pd.read_csv(weights, index_col=0)
    return float(1 / (1 + np.exp(-(w.loc[model].sum() - w.loc[baseline].sum()))))
