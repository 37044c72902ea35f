# Stand-in for karpathy/llm.c:dev/loss_checker_ci.py - hand-written for the osai-scan corpus, not copied.
"""compare logged training losses with expected"""
import argparse
import sys

p = argparse.ArgumentParser()
p.add_argument("-f", "--file", required=True)        # training log written by the training binary
p.add_argument("-a", "--accuracy", type=float, default=10.0)
args = p.parse_args()
expected = [6.012, 5.144, 4.480, 3.905, 3.511]       # reference training losses for steps 1..5
got = [float(l.split("train loss")[1].split()[0]) for l in open(args.file) if "train loss" in l][:5]
bad = [(e, g) for e, g in zip(expected, got) if abs(e - g) / e * 100 > args.accuracy]
print("training loss check", "FAILED" if bad else "passed", bad)
sys.exit(1 if bad else 0)
