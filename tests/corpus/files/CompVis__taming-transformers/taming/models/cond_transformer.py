# Stand-in for CompVis/taming-transformers:taming/models/cond_transformer.py - hand-written for the osai-scan corpus, not copied.
import pytorch_lightning as pl
import torch
import torch.nn.functional as F

from main import instantiate_from_config


class Net2NetTransformer(pl.LightningModule):
    def __init__(self, transformer_config, first_stage_config, cond_stage_config, cond_stage_key="image"):
        super().__init__()
        self.cond_stage_key = cond_stage_key
        self.first_stage_model = instantiate_from_config(first_stage_config).eval()
        self.cond_stage_model = instantiate_from_config(cond_stage_config).eval()
        self.transformer = instantiate_from_config(transformer_config)

    @torch.no_grad()
    def encode_to_c(self, c):
        quant_c, _, info = self.cond_stage_model.encode(c)
        return quant_c, info[2].view(c.shape[0], -1)

    @torch.no_grad()
    def sample(self, x, c, steps, temperature=1.0, sample=False, top_k=None):
        x = torch.cat((c, x), dim=1)
        for _ in range(steps):
            logits, _ = self.transformer(x[:, -self.transformer.get_block_size():])
            probs = F.softmax(logits[:, -1, :] / temperature, dim=-1)
            ix = torch.multinomial(probs, 1) if sample else probs.argmax(-1, keepdim=True)
            x = torch.cat((x, ix), dim=1)
        return x[:, c.shape[1]:]

    def decode_to_img(self, index, zshape):
        quant_z = self.first_stage_model.quantize.get_codebook_entry(index.reshape(-1), shape=zshape)
        return self.first_stage_model.decode(quant_z)

    def training_step(self, batch, batch_idx):
        logits, target = self(batch)
        return F.cross_entropy(logits.reshape(-1, logits.size(-1)), target.reshape(-1))
