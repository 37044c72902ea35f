# Stand-in for jzhang38/TinyLlama:speculative_decoding/instruct_hf_assisted_decoding.py - hand-written for the osai-scan corpus, not copied.




def sample(model, prompt):
    return model.generate(prompt, max_new_tokens=32)
