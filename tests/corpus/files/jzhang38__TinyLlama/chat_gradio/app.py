# Stand-in for jzhang38/TinyLlama:chat_gradio/app.py - hand-written for the osai-scan corpus, not copied.

import gradio


class Helper(StoppingCriteria):
    pass
