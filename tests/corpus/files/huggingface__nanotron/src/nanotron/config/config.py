# Stand-in for huggingface/nanotron:src/nanotron/config/config.py - hand-written for the osai-scan corpus, not copied.
import dataclasses
from pathlib import Path
from typing import List, Optional

import yaml


@dataclasses.dataclass
class LRSchedulerArgs:
    learning_rate: float
    lr_warmup_steps: int = 0
    lr_decay_style: str = "linear"


@dataclasses.dataclass
class OptimizerArgs:
    learning_rate_scheduler: LRSchedulerArgs
    weight_decay: float = 0.0
    clip_grad: Optional[float] = 1.0
    accumulate_grad_in_fp32: bool = True


@dataclasses.dataclass
class TokensArgs:
    sequence_length: int = 2048
    micro_batch_size: int = 1
    batch_accumulation_per_replica: int = 1
    train_steps: int = 1000


@dataclasses.dataclass
class DatasetStageArgs:
    name: str
    start_training_step: int
    data: dict


@dataclasses.dataclass
class Config:
    optimizer: OptimizerArgs
    tokens: TokensArgs
    data_stages: List[DatasetStageArgs] = dataclasses.field(default_factory=list)

    def save_as_yaml(self, path):
        Path(path).write_text(yaml.safe_dump(dataclasses.asdict(self)))


def get_config_from_file(path):
    return yaml.safe_load(Path(path).read_text())
