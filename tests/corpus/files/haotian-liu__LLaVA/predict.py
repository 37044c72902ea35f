# Stand-in for haotian-liu/LLaVA:predict.py - hand-written for the osai-scan corpus, not copied.
from threading import Thread

from cog import BasePredictor, Input, Path
from transformers import TextIteratorStreamer

from llava.model.builder import load_pretrained_model
from llava.conversation import conv_templates


class Predictor(BasePredictor):
    def setup(self):
        self.tokenizer, self.model, self.image_processor, _ = load_pretrained_model(
            "liuhaotian/llava-v1.5-13b", model_name="llava-v1.5-13b", model_base=None)

    def predict(self, image: Path = Input(), prompt: str = Input(), max_tokens: int = 512):
        conv = conv_templates["llava_v1"].copy()
        conv.append_message(conv.roles[0], prompt)
        input_ids = self.tokenizer(conv.get_prompt(), return_tensors="pt").input_ids
        streamer = TextIteratorStreamer(self.tokenizer, skip_prompt=True)
        Thread(target=self.model.generate, kwargs=dict(
            inputs=input_ids, max_new_tokens=max_tokens, streamer=streamer)).start()
        for text in streamer:
            yield text
