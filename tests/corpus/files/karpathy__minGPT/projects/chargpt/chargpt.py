# Stand-in for karpathy/minGPT:projects/chargpt/chargpt.py - hand-written for the osai-scan corpus, not copied.
"""char-level gpt training script"""
import torch
from torch import nn

model = nn.Sequential(nn.Embedding(65, 64), nn.Linear(64, 65))
optimizer = torch.optim.AdamW(model.parameters(), lr=3e-4)
data = torch.randint(0, 65, (10_000,))

for step in range(500):
    ix = torch.randint(0, len(data) - 33, (16,))
    x = torch.stack([data[i:i + 32] for i in ix])
    y = torch.stack([data[i + 1:i + 33] for i in ix])
    logits = model(x)
    loss = nn.functional.cross_entropy(logits.view(-1, 65), y.view(-1))
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    if step % 100 == 0:
        print(step, loss.item())
torch.save(model.state_dict(), "ckpt.pt")
