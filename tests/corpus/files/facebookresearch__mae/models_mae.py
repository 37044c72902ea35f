# Stand-in for facebookresearch/mae:models_mae.py - hand-written for the osai-scan corpus, not copied.
import torch
import torch.nn as nn
from timm.models.vision_transformer import PatchEmbed, Block

from util.pos_embed import get_2d_sincos_pos_embed


class MaskedAutoencoderViT(nn.Module):
    def __init__(self, img_size=224, patch_size=16, embed_dim=1024, depth=24, num_heads=16,
                 decoder_embed_dim=512, norm_pix_loss=False):
        super().__init__()
        self.patch_embed = PatchEmbed(img_size, patch_size, 3, embed_dim)
        n = self.patch_embed.num_patches
        self.pos_embed = nn.Parameter(torch.from_numpy(get_2d_sincos_pos_embed(embed_dim, int(n ** 0.5), True)).float()[None],
                                      requires_grad=False)
        self.blocks = nn.ModuleList([Block(embed_dim, num_heads) for _ in range(depth)])
        self.decoder_embed = nn.Linear(embed_dim, decoder_embed_dim)
        self.decoder_pred = nn.Linear(decoder_embed_dim, patch_size ** 2 * 3)
        self.norm_pix_loss = norm_pix_loss

    def forward(self, imgs, mask_ratio=0.75):
        x = self.patch_embed(imgs)
        for blk in self.blocks:
            x = blk(x)
        pred = self.decoder_pred(self.decoder_embed(x))
        loss = pred.pow(2).mean()
        return loss, pred, None


def mae_vit_large_patch16_dec512d8b(**kwargs):
    return MaskedAutoencoderViT(patch_size=16, embed_dim=1024, depth=24, num_heads=16, **kwargs)
