# Stand-in for snakers4/silero-vad:tuning/search_thresholds.py - hand-written for the osai-scan corpus, not copied.




def main(args=None):
    pass


if __name__ == "__main__":
    main()
