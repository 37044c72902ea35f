# Stand-in for huggingface/nanotron:examples/bench_llama_7b.py - hand-written for the osai-scan corpus, not copied.
import os

from nanotron.config import Config, LlamaConfig, LRSchedulerArgs, ModelArgs, OptimizerArgs, ParallelismArgs, TokensArgs

model_config = LlamaConfig(hidden_size=4096, num_hidden_layers=32, num_attention_heads=32)
parallelism = ParallelismArgs(dp=1, pp=1, tp=8)
config = Config(
    model=ModelArgs(model_config=model_config),
    parallelism=parallelism,
    optimizer=OptimizerArgs(learning_rate_scheduler=LRSchedulerArgs(learning_rate=3e-4, lr_warmup_steps=100)),
    tokens=TokensArgs(sequence_length=4096, micro_batch_size=1, train_steps=100),
)

if __name__ == "__main__":
    here = os.path.dirname(__file__)
    config.save_as_yaml(f"{here}/config_llama.yaml")
    gpus = parallelism.dp * parallelism.pp * parallelism.tp
    os.system(f"torchrun --nproc_per_node={gpus} run_train.py --config-file {here}/config_llama.yaml")
