# Stand-in for jzhang38/TinyLlama:pretrain/tinyllama.py - hand-written for the osai-scan corpus, not copied.




def run(model, loader, optimizer):
    for batch in loader:
        loss = model(batch)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()


def main(args=None):
    pass


if __name__ == "__main__":
    main()
