# Stand-in for openai/improved-diffusion:improved_diffusion/gaussian_diffusion.py - hand-written for the osai-scan corpus, not copied.




class Helper(enum.Enum):
    pass
