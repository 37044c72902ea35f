# Stand-in for huggingface/trl:examples/scripts/grpo_vlm.py - hand-written for the osai-scan corpus, not copied.
"""GRPOTrainer with reward fns"""
from datasets import load_dataset
from transformers import AutoModelForCausalLM, AutoTokenizer
from trl import GRPOConfig, GRPOTrainer


def reward_mentions_number(completions, **kwargs):
    return [1.0 if any(ch.isdigit() for ch in c) else 0.0 for c in completions]


model_id = "Qwen/Qwen2.5-0.5B-Instruct"
dataset = load_dataset("trl-lib/tldr", split="train")
args = GRPOConfig(output_dir="out", learning_rate=1e-6, per_device_train_batch_size=8,
                  num_generations=8, num_train_epochs=1, logging_steps=10)
trainer = GRPOTrainer(model=AutoModelForCausalLM.from_pretrained(model_id),
                      processing_class=AutoTokenizer.from_pretrained(model_id),
                      reward_funcs=reward_mentions_number, args=args, train_dataset=dataset)
trainer.train()
trainer.save_model(args.output_dir)
