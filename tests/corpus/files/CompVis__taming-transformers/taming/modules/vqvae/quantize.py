# Stand-in for CompVis/taming-transformers:taming/modules/vqvae/quantize.py - hand-written for the osai-scan corpus, not copied.
import torch
import torch.nn as nn


class VectorQuantizer2(nn.Module):
    def __init__(self, n_e, e_dim, beta):
        super().__init__()
        self.n_e, self.e_dim, self.beta = n_e, e_dim, beta
        self.embedding = nn.Embedding(n_e, e_dim)

    def forward(self, z):
        z_flat = z.permute(0, 2, 3, 1).reshape(-1, self.e_dim)
        idx = torch.cdist(z_flat, self.embedding.weight).argmin(dim=1)
        z_q = self.embedding(idx).view(z.shape[0], z.shape[2], z.shape[3], self.e_dim).permute(0, 3, 1, 2)
        loss = self.beta * ((z_q.detach() - z) ** 2).mean() + ((z_q - z.detach()) ** 2).mean()
        return z + (z_q - z).detach(), loss, (None, None, idx)

    def get_codebook_entry(self, indices, shape):
        return self.embedding(indices).view(shape[0], shape[2], shape[3], shape[1]).permute(0, 3, 1, 2)
