# Stand-in for lm-sys/FastChat:fastchat/serve/test_throughput.py - hand-written for the osai-scan corpus, not copied.
# pytest collects this file name; everything runs under main() so importing it is inert.
"""concurrent request throughput: concurrent requests against the serving API."""


def main(url="http://127.0.0.1:8000/v1/completions", n=32, workers=8):
    import time
    from concurrent.futures import ThreadPoolExecutor
    import requests

    def one(_):
        return requests.post(url, json={"model": "vicuna-7b", "prompt": "Tell me a story", "max_tokens": 128}).json()

    t0 = time.time()
    with ThreadPoolExecutor(workers) as ex:
        outs = list(ex.map(one, range(n)))
    toks = sum(o["usage"]["completion_tokens"] for o in outs)
    print(f"{toks / (time.time() - t0):.1f} tokens/s")


if __name__ == "__main__":
    main()
