# Stand-in for huggingface/diffusers:examples/community/lpw_stable_diffusion.py - hand-written for the osai-scan corpus, not copied.
"""custom diffusion inference pipeline"""
import torch
from diffusers import DiffusionPipeline


class LongPromptPipeline(DiffusionPipeline):
    def __init__(self, vae, text_encoder, tokenizer, unet, scheduler):
        super().__init__()
        self.register_modules(vae=vae, text_encoder=text_encoder, tokenizer=tokenizer, unet=unet, scheduler=scheduler)

    @torch.no_grad()
    def __call__(self, prompt, num_inference_steps=30, guidance_scale=7.5):
        ids = self.tokenizer(prompt, return_tensors="pt", truncation=False).input_ids
        emb = torch.cat([self.text_encoder(c)[0] for c in ids.split(75, dim=1)], dim=1)
        latents = torch.randn(1, 4, 64, 64)
        self.scheduler.set_timesteps(num_inference_steps)
        for t in self.scheduler.timesteps:
            noise = self.unet(latents, t, encoder_hidden_states=emb).sample
            latents = self.scheduler.step(noise, t, latents).prev_sample
        return self.vae.decode(latents / 0.18215).sample
