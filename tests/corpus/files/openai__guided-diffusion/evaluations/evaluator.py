# Stand-in for openai/guided-diffusion:evaluations/evaluator.py - hand-written for the osai-scan corpus, not copied.
import argparse

import numpy as np
from scipy import linalg


class FIDStatistics:
    def __init__(self, mu, sigma):
        self.mu, self.sigma = mu, sigma

    def frechet_distance(self, other):
        covmean, _ = linalg.sqrtm(self.sigma.dot(other.sigma), disp=False)
        diff = self.mu - other.mu
        return float(diff.dot(diff) + np.trace(self.sigma) + np.trace(other.sigma) - 2 * np.trace(covmean.real))


def stats(activations):
    return FIDStatistics(activations.mean(axis=0), np.cov(activations, rowvar=False))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("ref_batch", help="reference batch npz")
    parser.add_argument("sample_batch", help="sample batch npz of the model being compared")
    args = parser.parse_args()
    ref = np.load(args.ref_batch)["arr_0"].reshape(-1, 2048)
    sample = np.load(args.sample_batch)["arr_0"].reshape(-1, 2048)
    print("FID:", stats(sample).frechet_distance(stats(ref)))


if __name__ == "__main__":
    main()
