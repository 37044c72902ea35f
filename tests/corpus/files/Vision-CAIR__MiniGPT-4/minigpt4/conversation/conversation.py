# Stand-in for Vision-CAIR/MiniGPT-4:minigpt4/conversation/conversation.py - hand-written for the osai-scan corpus, not copied.
import dataclasses
from typing import List

from transformers import StoppingCriteria


@dataclasses.dataclass
class Conversation:
    system: str
    roles: List[str]
    messages: List[List[str]]
    sep: str = "###"

    def get_prompt(self):
        return self.system + "".join(f"{r}: {m}{self.sep}" for r, m in self.messages)

    def copy(self):
        return Conversation(self.system, list(self.roles), [list(m) for m in self.messages], self.sep)


CONV_VISION_Vicuna0 = Conversation("Give helpful answers about the image.", ["Human", "Assistant"], [])
CONV_VISION_minigptv2 = Conversation("", ["[INST]", "[/INST]"], [])


class StoppingCriteriaSub(StoppingCriteria):
    def __call__(self, input_ids, scores):
        return False


class Chat:
    def __init__(self, model, vis_processor, device="cuda:0"):
        self.model, self.vis_processor, self.device = model, vis_processor, device

    def ask(self, text, conv):
        conv.messages.append([conv.roles[0], text])

    def upload_img(self, image, conv, img_list):
        img_list.append(self.model.encode_img(self.vis_processor(image)))

    def answer(self, conv, img_list, max_new_tokens=300):
        output = self.model.llama_model.generate(inputs_embeds=img_list[0], max_new_tokens=max_new_tokens)
        return output, conv.get_prompt()
