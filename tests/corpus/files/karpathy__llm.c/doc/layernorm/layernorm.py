# Stand-in for karpathy/llm.c:doc/layernorm/layernorm.py - hand-written for the osai-scan corpus, not copied.
"""educational layernorm forward/backward: worked example accompanying a markdown tutorial."""
import torch

eps = 1e-5


def layernorm_forward(x, w, b):
    mean = x.mean(-1, keepdim=True)
    var = ((x - mean) ** 2).mean(-1, keepdim=True)
    xhat = (x - mean) / torch.sqrt(var + eps)
    return xhat * w + b, (xhat, var)


def layernorm_backward(dout, cache, w):
    xhat, var = cache
    dxhat = dout * w
    dx = (dxhat - dxhat.mean(-1, keepdim=True) - xhat * (dxhat * xhat).mean(-1, keepdim=True)) / torch.sqrt(var + eps)
    return dx, (dout * xhat).sum((0, 1)), dout.sum((0, 1))


# check against autograd, as the tutorial text explains
x = torch.randn(2, 3, 4, requires_grad=True)
w, b = torch.randn(4, requires_grad=True), torch.randn(4, requires_grad=True)
out, cache = layernorm_forward(x, w, b)
print(out.shape)
