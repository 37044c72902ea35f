# Stand-in for facebookresearch/audiocraft:scripts/chords/build_chord_maps.py - hand-written for the osai-scan corpus, not copied.




def main(args=None):
    pass


if __name__ == "__main__":
    main()
