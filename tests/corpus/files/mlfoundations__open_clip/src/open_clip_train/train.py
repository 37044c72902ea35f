# Stand-in for mlfoundations/open_clip:src/open_clip_train/train.py - hand-written for the osai-scan corpus, not copied.




def run(model, loader, optimizer):
    for batch in loader:
        loss = model(batch)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
