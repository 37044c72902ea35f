# Stand-in for microsoft/LoRA:examples/NLG/src/data_utils.py - hand-written for the osai-scan corpus, not copied.




class Helper(Dataset):
    pass
