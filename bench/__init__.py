"""The benchmark of osai-scan against plain ScanCode (``make bench``)."""
