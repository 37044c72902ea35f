# Stand-in for huggingface/diffusers:benchmarks/benchmarking_sdxl.py - hand-written for the osai-scan corpus, not copied.
"""time forward passes of pretrained unet"""
import statistics
import time
import requests

URL = "http://127.0.0.1:8000/v1/completions"
latencies = []
for i in range(20):
    t0 = time.time()
    requests.post(URL, json={"prompt": "Once upon a time", "max_tokens": 64}, timeout=60)
    latencies.append(time.time() - t0)
print(f"p50 {statistics.median(latencies) * 1000:.0f} ms, "
      f"throughput {20 * 64 / sum(latencies):.1f} tok/s")
