# Stand-in for lucidrains/vit-pytorch:train_vit_decorr.py - hand-written for the osai-scan corpus, not copied.




def run(model, loader, optimizer):
    for batch in loader:
        loss = model(batch)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
