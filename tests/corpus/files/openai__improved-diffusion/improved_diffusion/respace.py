# Stand-in for openai/improved-diffusion:improved_diffusion/respace.py - hand-written for the osai-scan corpus, not copied.




class Helper(GaussianDiffusion):
    pass
