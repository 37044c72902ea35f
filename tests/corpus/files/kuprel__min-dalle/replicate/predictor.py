# Stand-in for kuprel/min-dalle:replicate/predictor.py - hand-written for the osai-scan corpus, not copied.
import tempfile
from typing import Iterator

import torch
from cog import BasePredictor, Input, Path

from min_dalle import MinDalle


class ReplicatePredictor(BasePredictor):
    def setup(self):
        self.model = MinDalle(is_mega=True, is_reusable=True, dtype=torch.float32)

    def predict(self, text: str = Input(default="a lighthouse at dusk"), grid_size: int = Input(default=3)) -> Iterator[Path]:
        image = self.model.generate_image(text, seed=-1, grid_size=grid_size)
        out = Path(tempfile.mkdtemp()) / "output.png"
        image.save(str(out))
        yield out
