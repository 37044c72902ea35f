# Stand-in for jzhang38/TinyLlama:lit_gpt/packed_dataset.py - hand-written for the osai-scan corpus, not copied.




class Helper(IterableDataset):
    pass
