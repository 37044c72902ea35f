# Stand-in for UKPLab/sentence-transformers:sentence_transformers/evaluation/InformationRetrievalEvaluator.py - hand-written for the osai-scan corpus, not copied.
"""evaluator called by trainer to score checkpoints"""
import numpy as np


class RetrievalEvaluator:
    """Passed as `evaluator=` to the trainer; called after each eval interval."""

    def __init__(self, queries, corpus, relevant, k=10):
        self.queries, self.corpus, self.relevant, self.k = queries, corpus, relevant, k

    def __call__(self, model, output_path=None, epoch=-1, steps=-1):
        q = model.encode(list(self.queries.values()), normalize_embeddings=True)
        c = model.encode(list(self.corpus.values()), normalize_embeddings=True)
        top = np.argsort(-q @ c.T, axis=1)[:, :self.k]
        ids = list(self.corpus)
        hits = [any(ids[j] in self.relevant[qid] for j in row) for qid, row in zip(self.queries, top)]
        return {f"eval_recall@{self.k}": float(np.mean(hits)), "epoch": epoch, "steps": steps}
