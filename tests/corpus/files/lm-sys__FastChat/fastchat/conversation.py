# Stand-in for lm-sys/FastChat:fastchat/conversation.py - hand-written for the osai-scan corpus, not copied.
"""conversation template dataclass registry"""
from dataclasses import dataclass


@dataclass
class PromptStyle:
    name: str
    system_prefix: str
    user_prefix: str
    assistant_prefix: str
    sep: str

    def render(self, messages):
        out = []
        for m in messages:
            prefix = {"system": self.system_prefix, "user": self.user_prefix,
                       "assistant": self.assistant_prefix}[m["role"]]
            out.append(prefix + m["content"] + self.sep)
        return "".join(out) + self.assistant_prefix


REGISTRY = {
    "chatml": PromptStyle("chatml", "<|im_start|>system\n", "<|im_start|>user\n", "<|im_start|>assistant\n", "<|im_end|>\n"),
    "llama2": PromptStyle("llama2", "<<SYS>>\n", "[INST] ", " [/INST] ", "\n"),
}
