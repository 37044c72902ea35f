# Stand-in for lllyasviel/ControlNet:config.py - hand-written for the osai-scan corpus, not copied.
save_memory = False  # low-VRAM switch read by share.py
