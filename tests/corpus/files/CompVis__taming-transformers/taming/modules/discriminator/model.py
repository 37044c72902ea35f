# Stand-in for CompVis/taming-transformers:taming/modules/discriminator/model.py - hand-written for the osai-scan corpus, not copied.
import torch.nn as nn


def weights_init(m):
    if isinstance(m, nn.Conv2d):
        nn.init.normal_(m.weight.data, 0.0, 0.02)


class NLayerDiscriminator(nn.Module):
    """PatchGAN discriminator for the adversarial part of the training loss."""

    def __init__(self, input_nc=3, ndf=64, n_layers=3):
        super().__init__()
        layers = [nn.Conv2d(input_nc, ndf, 4, 2, 1), nn.LeakyReLU(0.2, True)]
        for n in range(1, n_layers):
            layers += [nn.Conv2d(ndf * 2 ** (n - 1), ndf * 2 ** n, 4, 2, 1), nn.BatchNorm2d(ndf * 2 ** n),
                       nn.LeakyReLU(0.2, True)]
        layers += [nn.Conv2d(ndf * 2 ** (n_layers - 1), 1, 4, 1, 1)]
        self.main = nn.Sequential(*layers)
        self.apply(weights_init)

    def forward(self, x):
        return self.main(x)
