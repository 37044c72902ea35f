# Stand-in for mlfoundations/open_clip:src/open_clip/task/clip_task.py - hand-written for the osai-scan corpus, not copied.




class Helper(ImageTextTask):
    pass
