# Stand-in for lllyasviel/ControlNet:gradio_canny2image.py - hand-written for the osai-scan corpus, not copied.
# Gradio demo: canny edges of the uploaded image + prompt -> images sampled with a released ControlNet
import cv2
import einops
import gradio as gr
import numpy as np
import torch

from share import *
from cldm.ddim_hacked import DDIMSampler
from cldm.model import create_model, load_state_dict

model = create_model("./models/cldm_v15.yaml").cpu()
model.load_state_dict(load_state_dict("./models/control_sd15_canny.pth", location="cuda"))
model = model.cuda()
ddim_sampler = DDIMSampler(model)


def process(input_image, prompt, num_samples=1, ddim_steps=20, scale=9.0, low=100, high=200):
    with torch.no_grad():
        edges = cv2.Canny(input_image, low, high)
        control = torch.from_numpy(np.stack([edges] * 3, -1)).float().cuda() / 255.0
        control = einops.rearrange(torch.stack([control] * num_samples), "b h w c -> b c h w")
        cond = {"c_concat": [control], "c_crossattn": [model.get_learned_conditioning([prompt] * num_samples)]}
        samples, _ = ddim_sampler.sample(ddim_steps, num_samples, (4, 64, 64), cond, verbose=False,
                                         unconditional_guidance_scale=scale)
        return model.decode_first_stage(samples)


block = gr.Blocks().queue()
with block:
    image = gr.Image(type="numpy")
    text = gr.Textbox(label="Prompt")
    gr.Button("Run").click(fn=process, inputs=[image, text], outputs=[gr.Gallery()])
block.launch(server_name="0.0.0.0")
