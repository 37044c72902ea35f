# Stand-in for karpathy/nanoGPT:config/eval_gpt2_large.py - hand-written for the osai-scan corpus, not copied.
# gpt2-large eval via train.py: run train.py in evaluation-only mode
init_from = "gpt2-medium"
eval_only = True
eval_iters = 100
batch_size = 4
