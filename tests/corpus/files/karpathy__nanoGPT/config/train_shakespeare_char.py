# Stand-in for karpathy/nanoGPT:config/train_shakespeare_char.py - hand-written for the osai-scan corpus, not copied.
# baby char-level gpt
dataset = "my_corpus"
out_dir = "out-run"
batch_size = 32
gradient_accumulation_steps = 4
block_size = 128
n_layer = 4
n_head = 4
n_embd = 256
dropout = 0.1
learning_rate = 6e-4
weight_decay = 0.1
warmup_iters = 200
max_iters = 3000
lr_decay_iters = 3000
min_lr = 6e-5
eval_interval = 300
