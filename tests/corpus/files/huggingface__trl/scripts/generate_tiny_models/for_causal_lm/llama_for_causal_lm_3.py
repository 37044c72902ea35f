# Stand-in for huggingface/trl:scripts/generate_tiny_models/for_causal_lm/llama_for_causal_lm_3.py - hand-written for the osai-scan corpus, not copied.
"""random-init tiny model push"""
from transformers import AutoTokenizer, LlamaConfig, LlamaForCausalLM

tok = AutoTokenizer.from_pretrained("meta-llama/Llama-3.2-1B-Instruct")
cfg = LlamaConfig(vocab_size=len(tok), hidden_size=8, intermediate_size=32, num_hidden_layers=2,
                  num_attention_heads=4, num_key_value_heads=2)
model = LlamaForCausalLM(cfg)   # random init: a fixture for fast unit tests
model.push_to_hub("tiny-random-LlamaForCausalLM")
tok.push_to_hub("tiny-random-LlamaForCausalLM")
