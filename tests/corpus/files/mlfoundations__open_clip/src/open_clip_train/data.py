# Stand-in for mlfoundations/open_clip:src/open_clip_train/data.py - hand-written for the osai-scan corpus, not copied.




class Helper(Dataset):
    pass
