# Stand-in for cloneofsimo/lora:lora_diffusion/preprocess_files.py - hand-written for the osai-scan corpus, not copied.
# prepares a folder of training images: square crops, upscaling, BLIP captions, CLIPSeg / face masks
import glob
import os

import fire
import torch
from PIL import Image
from transformers import BlipForConditionalGeneration, BlipProcessor, CLIPSegForImageSegmentation, CLIPSegProcessor


def blip_captioning_dataset(images, text=None, model_id="Salesforce/blip-image-captioning-large"):
    processor = BlipProcessor.from_pretrained(model_id)
    model = BlipForConditionalGeneration.from_pretrained(model_id)
    return [processor.decode(model.generate(**processor(im, text, return_tensors="pt"))[0], skip_special_tokens=True)
            for im in images]


def clipseg_mask_generator(images, target_prompts, model_id="CIDAS/clipseg-rd64-refined"):
    processor = CLIPSegProcessor.from_pretrained(model_id)
    model = CLIPSegForImageSegmentation.from_pretrained(model_id)
    with torch.no_grad():
        inputs = processor(text=target_prompts, images=images, return_tensors="pt", padding=True)
        return torch.sigmoid(model(**inputs).logits)


def load_and_save_masks_and_captions(files, output_dir, caption_text=None, target_prompts="face"):
    images = [Image.open(f).convert("RGB").resize((512, 512)) for f in glob.glob(os.path.join(files, "*"))]
    captions = blip_captioning_dataset(images, text=caption_text)
    masks = clipseg_mask_generator(images, [target_prompts] * len(images))
    os.makedirs(output_dir, exist_ok=True)
    with open(os.path.join(output_dir, "caption.txt"), "w") as f:
        for i, (image, caption) in enumerate(zip(images, captions)):
            image.save(os.path.join(output_dir, f"{i}.src.jpg"))
            f.write(caption + "\n")
    return masks


def main():
    fire.Fire(load_and_save_masks_and_captions)
