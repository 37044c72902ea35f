# Stand-in for facebookresearch/ImageBind:imagebind/models/imagebind_model.py - hand-written for the osai-scan corpus, not copied.
import torch
import torch.nn as nn

from imagebind.models.transformer import SimpleTransformer


class ImageBindModel(nn.Module):
    def __init__(self, embed_dim=1024):
        super().__init__()
        self.trunks = nn.ModuleDict({"vision": SimpleTransformer(embed_dim), "text": SimpleTransformer(embed_dim)})
        self.heads = nn.ModuleDict({"vision": nn.Linear(embed_dim, embed_dim), "text": nn.Linear(embed_dim, embed_dim)})

    def forward(self, inputs):
        return {k: self.heads[k](self.trunks[k](v)) for k, v in inputs.items()}


def imagebind_huge(pretrained=False):
    model = ImageBindModel()
    if pretrained:
        torch.hub.download_url_to_file("https://example.invalid/imagebind_huge.pth", ".checkpoints/imagebind_huge.pth")
        model.load_state_dict(torch.load(".checkpoints/imagebind_huge.pth", weights_only=True))
    return model
