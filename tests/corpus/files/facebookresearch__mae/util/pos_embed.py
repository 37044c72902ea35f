# Stand-in for facebookresearch/mae:util/pos_embed.py - hand-written for the osai-scan corpus, not copied.
import numpy as np
import torch


def get_2d_sincos_pos_embed(embed_dim, grid_size, cls_token=False):
    grid = np.meshgrid(np.arange(grid_size, dtype=np.float32), np.arange(grid_size, dtype=np.float32))
    omega = 1.0 / 10000 ** (np.arange(embed_dim // 4, dtype=np.float64) / (embed_dim / 4.0))
    parts = []
    for g in grid:
        out = np.einsum("m,d->md", g.reshape(-1), omega)
        parts += [np.sin(out), np.cos(out)]
    emb = np.concatenate(parts, axis=1)
    if cls_token:
        emb = np.concatenate([np.zeros([1, embed_dim]), emb], axis=0)
    return emb


def interpolate_pos_embed(model, checkpoint_model):
    pos = checkpoint_model["pos_embed"]
    new_size = int(model.patch_embed.num_patches ** 0.5)
    tokens = pos[:, 1:].reshape(1, int((pos.shape[1] - 1) ** 0.5), -1, pos.shape[-1]).permute(0, 3, 1, 2)
    tokens = torch.nn.functional.interpolate(tokens, size=(new_size, new_size), mode="bicubic")
    checkpoint_model["pos_embed"] = torch.cat([pos[:, :1], tokens.flatten(2).transpose(1, 2)], dim=1)
