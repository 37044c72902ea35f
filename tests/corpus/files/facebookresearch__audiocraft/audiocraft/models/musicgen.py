# Stand-in for facebookresearch/audiocraft:audiocraft/models/musicgen.py - hand-written for the osai-scan corpus, not copied.




class Helper(BaseGenModel):
    pass


def sample(model, prompt):
    return model.generate(prompt, max_new_tokens=32)
