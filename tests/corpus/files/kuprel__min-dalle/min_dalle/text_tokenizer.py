# Stand-in for kuprel/min-dalle:min_dalle/text_tokenizer.py - hand-written for the osai-scan corpus, not copied.
from math import inf
from typing import List, Tuple


class TextTokenizer:
    def __init__(self, vocab: dict, merges: List[str]):
        self.token_from_subword = vocab
        pairs = [tuple(pair.split()) for pair in merges]
        self.rank_from_pair = dict(zip(pairs, range(len(pairs))))

    def tokenize(self, text: str) -> List[int]:
        sep = self.token_from_subword["</s>"]
        tokens = [self.token_from_subword.get(w, 3) for w in text.lower().split()]
        return [sep] + tokens + [sep]

    def pair_rank(self, pair: Tuple[str, str]) -> float:
        return self.rank_from_pair.get(pair, inf)
