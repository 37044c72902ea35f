# Stand-in for tloen/alpaca-lora:utils/callbacks.py - hand-written for the osai-scan corpus, not copied.
"""stream generation via stopping-criteria callback."""
import logging
import os
import random

logger = logging.getLogger(__name__)


def set_seed(seed: int) -> None:
    random.seed(seed)
    os.environ["PYTHONHASHSEED"] = str(seed)


class Config(dict):
    """Tiny attribute-access config container used by the scripts of this package."""

    def __getattr__(self, key):
        try:
            return self[key]
        except KeyError as e:
            raise AttributeError(key) from e

    def merge_from_args(self, argv):
        for arg in argv:
            key, _, val = arg.lstrip("-").partition("=")
            if key in self:
                self[key] = type(self[key])(val)
        return self
