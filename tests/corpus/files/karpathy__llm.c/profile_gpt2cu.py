# Stand-in for karpathy/llm.c:profile_gpt2cu.py - hand-written for the osai-scan corpus, not copied.
"""profile one training step with ncu"""
import json
import sys
from collections import Counter

trace = json.load(open(sys.argv[1]))   # torch.profiler trace captured during training steps
by_kernel = Counter()
for ev in trace.get("traceEvents", []):
    if ev.get("cat") == "kernel":
        name = ev["name"]
        cat = "gemm" if "gemm" in name else "attention" if "flash" in name else "optimizer" if "adam" in name else "other"
        by_kernel[cat] += ev.get("dur", 0)
total = sum(by_kernel.values()) or 1
for cat, dur in by_kernel.most_common():
    print(f"{cat:12s} {100 * dur / total:5.1f}% of training-step GPU time")
