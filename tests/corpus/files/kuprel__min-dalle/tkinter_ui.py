# Stand-in for kuprel/min-dalle:tkinter_ui.py - hand-written for the osai-scan corpus, not copied.
import tkinter

import torch
from PIL import ImageTk

from min_dalle import MinDalle

model = MinDalle(is_mega=False, dtype=torch.float32)
root = tkinter.Tk()
entry = tkinter.Entry(root)
entry.pack()
label = tkinter.Label(root)
label.pack()


def generate():
    image = model.generate_image(entry.get(), seed=-1, grid_size=1)
    photo = ImageTk.PhotoImage(image)
    label.configure(image=photo)
    label.image = photo


tkinter.Button(root, text="Generate", command=generate).pack()
root.mainloop()
