# Stand-in for young-geng/EasyLM:EasyLM/checkpoint.py - hand-written for the osai-scan corpus, not copied.
import flax
import mlxu
from flax.serialization import from_bytes, to_bytes, to_state_dict


class StreamingCheckpointer(object):
    def __init__(self, config, checkpoint_dir, enable=True):
        self.config, self.checkpoint_dir, self.enable = config, checkpoint_dir, enable

    def save_checkpoint(self, train_state, filename):
        with mlxu.open_file(f"{self.checkpoint_dir}/{filename}", "wb") as fout:
            fout.write(to_bytes(to_state_dict(train_state)))

    def save_all(self, train_state, metadata=None, dataset=None, milestone=False):
        self.save_checkpoint(train_state, "streaming_train_state")

    @staticmethod
    def load_checkpoint(path, target=None):
        with mlxu.open_file(path, "rb") as fin:
            return from_bytes(target, fin.read())

    @classmethod
    def load_trainstate_checkpoint(cls, load_from, trainstate_target=None, disallow_trainstate=False):
        load_type, load_path = load_from.split("::", 1)
        if load_type == "params":
            return None, flax.core.frozen_dict.freeze({"params": cls.load_checkpoint(load_path)})
        if disallow_trainstate:
            raise ValueError("train state checkpoints are not allowed here")
        return cls.load_checkpoint(load_path, trainstate_target), None
