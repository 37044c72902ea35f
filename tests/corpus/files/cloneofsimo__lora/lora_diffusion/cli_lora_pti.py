# Stand-in for cloneofsimo/lora:lora_diffusion/cli_lora_pti.py - hand-written for the osai-scan corpus, not copied.
# pivotal tuning: learn new token embeddings, then LoRA weights of the UNet and text encoder
import fire
import torch
import torch.nn.functional as F
import torch.optim as optim
from diffusers import DDPMScheduler, StableDiffusionPipeline

from lora_diffusion import PivotalTuningDatasetCapation, evaluate_pipe, inject_trainable_lora, save_safeloras


def loss_step(batch, unet, vae, text_encoder, scheduler):
    latents = vae.encode(batch["pixel_values"]).latent_dist.sample() * 0.18215
    noise = torch.randn_like(latents)
    t = torch.randint(0, scheduler.config.num_train_timesteps, (latents.shape[0],), device=latents.device)
    pred = unet(scheduler.add_noise(latents, noise, t), t, text_encoder(batch["input_ids"])[0]).sample
    return F.mse_loss(pred, noise)


def train(pretrained_model_name_or_path, instance_data_dir, output_dir, max_train_steps_tuning=1000,
          learning_rate_unet=1e-4, lora_rank=4):
    pipe = StableDiffusionPipeline.from_pretrained(pretrained_model_name_or_path)
    scheduler = DDPMScheduler.from_config(pipe.scheduler.config)
    params = inject_trainable_lora(pipe.unet, r=lora_rank)
    optimizer = optim.AdamW([p for g in params for p in g], lr=learning_rate_unet)
    loader = torch.utils.data.DataLoader(PivotalTuningDatasetCapation(instance_data_dir, pipe.tokenizer), batch_size=1)
    for step, batch in zip(range(max_train_steps_tuning), loader):
        loss = loss_step(batch, pipe.unet, pipe.vae, pipe.text_encoder, scheduler)
        loss.backward()
        optimizer.step()
        optimizer.zero_grad()
        if step % 100 == 0:
            evaluate_pipe(pipe, target_images=[], class_token="", learnt_token="")
    save_safeloras({"unet": pipe.unet}, f"{output_dir}/final_lora.safetensors")


def main():
    fire.Fire(train)
