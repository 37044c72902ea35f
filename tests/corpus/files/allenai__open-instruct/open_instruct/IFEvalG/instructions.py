# Stand-in for allenai/open-instruct:open_instruct/IFEvalG/instructions.py - hand-written for the osai-scan corpus, not copied.
"""checkers deciding whether a response follows a verifiable instruction"""
from open_instruct.IFEvalG import instructions_util


class Instruction:
    def __init__(self, instruction_id):
        self.id = instruction_id

    def build_description(self, **kwargs):
        raise NotImplementedError

    def check_following(self, value):
        raise NotImplementedError


class CommaChecker(Instruction):
    def build_description(self, **kwargs):
        return "Do not use any commas in your response."

    def check_following(self, value):
        return "," not in value


class NumberOfWords(Instruction):
    def build_description(self, num_words=100, relation="at least", **kwargs):
        self.num_words, self.relation = num_words, relation
        return f"Answer with {relation} {num_words} words."

    def check_following(self, value):
        n = instructions_util.count_words(value)
        return n >= self.num_words if self.relation == "at least" else n < self.num_words
