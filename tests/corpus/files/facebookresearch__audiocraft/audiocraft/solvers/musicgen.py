# Stand-in for facebookresearch/audiocraft:audiocraft/solvers/musicgen.py - hand-written for the osai-scan corpus, not copied.




class Helper(base.StandardSolver):
    pass


def run_step(model, batch, optimizer):
    loss = model(batch)
    loss.backward()
    optimizer.step()


def sample(model, prompt):
    return model.generate(prompt, max_new_tokens=32)
