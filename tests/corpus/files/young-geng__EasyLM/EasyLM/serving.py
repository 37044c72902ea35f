# Stand-in for young-geng/EasyLM:EasyLM/serving.py - hand-written for the osai-scan corpus, not copied.
import gradio as gr
import requests
import uvicorn
from fastapi import FastAPI
from pydantic import BaseModel


class InferenceRequest(BaseModel):
    prefix_text: list
    temperature: float = 1.0


class LMServer(object):
    def __init__(self, config):
        self.config = config
        self.app = FastAPI()
        self.app.post("/generate")(self.serve_generate)

    def generate(self, text, temperature):
        raise NotImplementedError

    def serve_generate(self, data: InferenceRequest):
        return {"output_text": self.generate(data.prefix_text, data.temperature)}

    def run(self):
        demo = gr.Interface(fn=lambda t: self.generate([t], 1.0)[0], inputs="text", outputs="text")
        self.app = gr.mount_gradio_app(self.app, demo, "/chat")
        uvicorn.run(self.app, host="0.0.0.0", port=self.config.port)


class LMClient(object):
    def __init__(self, url):
        self.url = url

    def generate(self, prefix, temperature=1.0):
        return requests.post(self.url + "generate", json={"prefix_text": prefix, "temperature": temperature}).json()["output_text"]
