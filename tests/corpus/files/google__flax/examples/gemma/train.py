# Stand-in for google/flax:examples/gemma/train.py - hand-written for the osai-scan corpus, not copied.




def run(model, loader, optimizer):
    for batch in loader:
        loss = model(batch)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
