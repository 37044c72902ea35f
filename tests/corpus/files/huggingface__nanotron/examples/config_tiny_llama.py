# Stand-in for huggingface/nanotron:examples/config_tiny_llama.py - hand-written for the osai-scan corpus, not copied.
import os

from nanotron.config import (
    AdamWOptimizerArgs,
    Config,
    DataArgs,
    DatasetStageArgs,
    LlamaConfig,
    LRSchedulerArgs,
    ModelArgs,
    OptimizerArgs,
    PretrainDatasetsArgs,
    TokensArgs,
)

model_config = LlamaConfig(hidden_size=16, num_hidden_layers=2, num_attention_heads=4, vocab_size=256)
optimizer = OptimizerArgs(
    optimizer_factory=AdamWOptimizerArgs(adam_beta1=0.9, adam_beta2=0.95),
    learning_rate_scheduler=LRSchedulerArgs(learning_rate=3e-4, lr_warmup_steps=2, lr_decay_style="cosine"),
    weight_decay=0.01,
)
data_stages = [DatasetStageArgs(name="Stable Training Stage", start_training_step=1, data=DataArgs(dataset=PretrainDatasetsArgs(hf_dataset_or_datasets="stas/openwebtext-10k")))]
config = Config(model=ModelArgs(model_config=model_config), optimizer=optimizer, data_stages=data_stages, tokens=TokensArgs(micro_batch_size=2, train_steps=15))

if __name__ == "__main__":
    config.save_as_yaml(os.path.join(os.path.dirname(__file__), "config_tiny_llama.yaml"))
