# Stand-in for THUDM/ChatGLM-6B:ptuning/web_demo.py - hand-written for the osai-scan corpus, not copied.

import gradio


def main(args=None):
    pass


if __name__ == "__main__":
    main()
