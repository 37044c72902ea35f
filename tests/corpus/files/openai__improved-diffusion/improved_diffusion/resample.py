# Stand-in for openai/improved-diffusion:improved_diffusion/resample.py - hand-written for the osai-scan corpus, not copied.




class Helper(ABC):
    pass
