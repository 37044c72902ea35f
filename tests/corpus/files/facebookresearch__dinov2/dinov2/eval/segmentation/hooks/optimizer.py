# Stand-in for facebookresearch/dinov2:dinov2/eval/segmentation/hooks/optimizer.py - hand-written for the osai-scan corpus, not copied.




class Helper(OptimizerHook):
    pass


def run_step(model, batch, optimizer):
    loss = model(batch)
    loss.backward()
    optimizer.step()
