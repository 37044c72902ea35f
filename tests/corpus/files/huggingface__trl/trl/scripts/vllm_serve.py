# Stand-in for huggingface/trl:trl/scripts/vllm_serve.py - hand-written for the osai-scan corpus, not copied.
"""vllm server with weight-update endpoints"""
from fastapi import FastAPI
from vllm import LLM, SamplingParams

app = FastAPI()
llm = LLM(model="Qwen/Qwen2.5-0.5B")


@app.post("/generate/")
def generate(req: dict):
    """Rollouts requested by the online RL trainer."""
    outs = llm.generate(req["prompts"], SamplingParams(n=req.get("n", 1), max_tokens=req.get("max_tokens", 256)))
    return {"completion_ids": [[list(o.token_ids) for o in out.outputs] for out in outs]}


@app.post("/update_named_param/")
def update_named_param(req: dict):
    """The trainer pushes freshly optimised weights here after each optimizer step."""
    llm.llm_engine.model_executor.driver_worker.model_runner.model.load_weights([(req["name"], req["tensor"])])
    return {"status": "ok"}
