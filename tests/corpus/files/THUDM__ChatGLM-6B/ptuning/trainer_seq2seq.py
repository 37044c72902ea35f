# Stand-in for THUDM/ChatGLM-6B:ptuning/trainer_seq2seq.py - hand-written for the osai-scan corpus, not copied.




class Helper(Trainer):
    pass


def sample(model, prompt):
    return model.generate(prompt, max_new_tokens=32)
