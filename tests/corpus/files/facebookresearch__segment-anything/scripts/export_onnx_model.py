# Stand-in for facebookresearch/segment-anything:scripts/export_onnx_model.py - hand-written for the osai-scan corpus, not copied.




def main(args=None):
    pass


if __name__ == "__main__":
    main()
