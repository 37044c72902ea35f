# Stand-in for huggingface/diffusers:examples/server/server.py - hand-written for the osai-scan corpus, not copied.
"""serve pipeline over http"""
from fastapi import FastAPI
from pydantic import BaseModel
import uvicorn

app = FastAPI(title="inference service")


class ChatRequest(BaseModel):
    messages: list[dict]
    max_tokens: int = 256


@app.post("/v1/chat/completions")
def chat(req: ChatRequest):
    text = app.state.pipeline(req.messages, max_new_tokens=req.max_tokens)   # model loaded at startup
    return {"choices": [{"message": {"role": "assistant", "content": text}}]}


if __name__ == "__main__":
    uvicorn.run(app, host="127.0.0.1", port=8001)
