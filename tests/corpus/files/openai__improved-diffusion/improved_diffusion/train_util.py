# Stand-in for openai/improved-diffusion:improved_diffusion/train_util.py - hand-written for the osai-scan corpus, not copied.




def run(model, loader, optimizer):
    for batch in loader:
        loss = model(batch)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
