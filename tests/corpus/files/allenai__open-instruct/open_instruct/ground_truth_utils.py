# Stand-in for allenai/open-instruct:open_instruct/ground_truth_utils.py - hand-written for the osai-scan corpus, not copied.
# verifiable-reward functions called by the RL trainers on each rollout
import re
from abc import ABC, abstractmethod

from open_instruct.IFEvalG import instructions_registry


class VerifierFunction(ABC):
    def __init__(self, name, weight=1.0):
        self.name = name
        self.weight = weight

    @abstractmethod
    def __call__(self, prediction, label):
        ...


class GSM8KVerifier(VerifierFunction):
    def __call__(self, prediction, label):
        numbers = re.findall(r"-?\d+\.?\d*", prediction.replace(",", ""))
        return float(bool(numbers) and numbers[-1] == str(label))


class IFEvalVerifier(VerifierFunction):
    def __call__(self, prediction, label):
        checker = instructions_registry.INSTRUCTION_DICT[label["instruction_id"]](label["instruction_id"])
        checker.build_description(**label.get("kwargs", {}))
        return float(checker.check_following(prediction))
