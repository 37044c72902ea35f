# Stand-in for allenai/open-instruct:open_instruct/IFEvalG/instructions_registry.py - hand-written for the osai-scan corpus, not copied.
"""maps instruction ids to the checker classes"""
from open_instruct.IFEvalG import instructions

INSTRUCTION_DICT = {
    "punctuation:no_comma": instructions.CommaChecker,
    "length_constraints:number_words": instructions.NumberOfWords,
}
