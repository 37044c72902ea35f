# Stand-in for allenai/open-instruct:open_instruct/vllm_utils.py - hand-written for the osai-scan corpus, not copied.
# Ray actors that hold vLLM engines: generate rollouts for GRPO and load the learner's updated weights
import ray
import torch
import vllm


@ray.remote
class LLMRayActor:
    def __init__(self, model_name_or_path, **kwargs):
        self.llm = vllm.LLM(model=model_name_or_path, **kwargs)

    def generate(self, prompts, sampling_params):
        return self.llm.generate(prompts, sampling_params)

    def update_weight(self, name, dtype, shape):
        weight = torch.empty(shape, dtype=dtype, device="cuda")
        torch.distributed.broadcast(weight, 0)
        self.llm.llm_engine.model_executor.driver_worker.model_runner.model.load_weights(weights=[(name, weight)])
