"""``python -m osai_scan``."""

from .cli.main import main

main()
