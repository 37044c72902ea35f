# Stand-in for karpathy/nanoGPT:bench.py - hand-written for the osai-scan corpus, not copied.
"""nanoGPT-style bench of training iterations: time a few training iterations."""
import time
import numpy as np
import torch
from model import GPT, GPTConfig

batch_size, block_size = 8, 512
data = np.memmap("data/corpus/train.bin", dtype=np.uint16, mode="r")
model = GPT(GPTConfig()).cuda()
optimizer = torch.optim.AdamW(model.parameters(), lr=3e-4, weight_decay=0.05)

def get_batch():
    ix = torch.randint(len(data) - block_size, (batch_size,))
    x = torch.stack([torch.from_numpy(data[i:i + block_size].astype(np.int64)) for i in ix])
    y = torch.stack([torch.from_numpy(data[i + 1:i + 1 + block_size].astype(np.int64)) for i in ix])
    return x.cuda(), y.cuda()

for k in range(20):
    t0 = time.time()
    X, Y = get_batch()
    _, loss = model(X, Y)
    optimizer.zero_grad(set_to_none=True)
    loss.backward()
    optimizer.step()
    torch.cuda.synchronize()
    print(f"iter {k} loss {loss.item():.4f} time {(time.time() - t0) * 1000:.1f}ms")
