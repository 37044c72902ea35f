# Stand-in for karpathy/nanochat:nanochat/engine.py - hand-written for the osai-scan corpus, not copied.
"""kv-cache generation engine"""
import torch


class KVCache:
    def __init__(self, n_layers):
        self.k = [None] * n_layers
        self.v = [None] * n_layers


class Engine:
    def __init__(self, model, tokenizer):
        self.model, self.tokenizer = model, tokenizer

    @torch.inference_mode()
    def generate(self, prompt, max_tokens=128, temperature=0.8, top_k=50):
        ids = torch.tensor([self.tokenizer.encode(prompt)])
        cache = KVCache(self.model.config.n_layer)
        for _ in range(max_tokens):
            logits = self.model(ids[:, -1:] if cache.k[0] is not None else ids, kv_cache=cache)[:, -1]
            logits = logits / temperature
            v, _ = torch.topk(logits, top_k)
            logits[logits < v[:, [-1]]] = -float("inf")
            nxt = torch.multinomial(torch.softmax(logits, -1), 1)
            ids = torch.cat([ids, nxt], 1)
            yield self.tokenizer.decode([nxt.item()])
