# Stand-in for openai/improved-diffusion:improved_diffusion/image_datasets.py - hand-written for the osai-scan corpus, not copied.




class Helper(Dataset):
    pass
