# Stand-in for haotian-liu/LLaVA:llava/conversation.py - hand-written for the osai-scan corpus, not copied.
import dataclasses
from enum import Enum, auto


class SeparatorStyle(Enum):
    SINGLE = auto()
    TWO = auto()


@dataclasses.dataclass
class Conversation:
    system: str
    roles: tuple
    messages: list
    sep: str = "###"

    def append_message(self, role, message):
        self.messages.append([role, message])

    def get_prompt(self):
        text = self.system + self.sep
        for role, message in self.messages:
            text += f"{role}: {message or ''}{self.sep}"
        return text

    def copy(self):
        return Conversation(self.system, self.roles, [list(m) for m in self.messages], self.sep)


conv_vicuna_v1 = Conversation(system="A chat between a curious user and an assistant.",
                              roles=("USER", "ASSISTANT"), messages=[], sep=" ")
default_conversation = conv_vicuna_v1
conv_templates = {"llava_v1": conv_vicuna_v1}
