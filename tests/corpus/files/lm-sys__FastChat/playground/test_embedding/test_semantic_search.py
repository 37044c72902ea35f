# Stand-in for lm-sys/FastChat:playground/test_embedding/test_semantic_search.py - hand-written for the osai-scan corpus, not copied.
# pytest collects this file name; everything runs under main() so importing it is inert.
"""embedding api semantic search: query the embeddings endpoint of the server and rank documents."""


def main(url="http://127.0.0.1:8000/v1/embeddings"):
    import numpy as np
    import requests
    docs = ["The cat sits on the mat.", "Stock markets fell today.", "A kitten is resting on a rug."]
    emb = lambda texts: np.array([d["embedding"] for d in requests.post(url, json={"model": "vicuna-7b", "input": texts}).json()["data"]])
    d, q = emb(docs), emb(["Where is the cat?"])[0]
    print(sorted(zip(d @ q, docs), reverse=True))


if __name__ == "__main__":
    main()
