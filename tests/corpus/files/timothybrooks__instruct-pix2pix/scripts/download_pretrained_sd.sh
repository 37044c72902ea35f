#!/bin/bash
# Stand-in for timothybrooks/instruct-pix2pix:scripts/download_pretrained_sd.sh - hand-written for the osai-scan corpus, not copied.
# fetches the base Stable Diffusion checkpoint and VAE that fine-tuning starts from (configs/train.yaml ckpt_path)
SCRIPT_DIR=$( cd -- "$( dirname -- "${BASH_SOURCE[0]}" )" &> /dev/null && pwd )
mkdir -p $SCRIPT_DIR/../stable_diffusion/models/ldm/stable-diffusion-v1
curl -L https://example.org/sd-base.ckpt -o $SCRIPT_DIR/../stable_diffusion/models/ldm/stable-diffusion-v1/base.ckpt
curl -L https://example.org/sd-vae.ckpt -o $SCRIPT_DIR/../stable_diffusion/models/ldm/stable-diffusion-v1/vae.ckpt
