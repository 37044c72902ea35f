# Stand-in for microsoft/LoRA:examples/NLG/src/gpt2_ft.py - hand-written for the osai-scan corpus, not copied.




def run_step(model, batch, optimizer):
    loss = model(batch)
    loss.backward()
    optimizer.step()


def train_validate(args=None):
    pass


if __name__ == "__main__":
    train_validate()
