# Stand-in for huggingface/nanotron:src/nanotron/trainer.py - hand-written for the osai-scan corpus, not copied.
import torch

from nanotron.config import Config, get_config_from_file
from nanotron.eval import LightEvalRunner
from nanotron.optim.zero import ZeroDistributedOptimizer
from nanotron.serialize.weights import save_weights


class DistributedTrainer:
    def __init__(self, config_or_config_file):
        self.config = get_config_from_file(config_or_config_file)
        self.model = None
        self.optimizer = ZeroDistributedOptimizer(self.model.parameters(), lr=self.config.optimizer.learning_rate_scheduler.learning_rate)
        self.lighteval_runner = LightEvalRunner(config=self.config)

    def training_step(self, batch):
        loss = self.model(**batch)["loss"]
        loss.backward()
        self.optimizer.step()
        self.optimizer.zero_grad()
        return loss

    def train(self, dataloader):
        for step, batch in enumerate(dataloader, 1):
            self.training_step(batch)
            if step % self.config.checkpoints.checkpoint_interval == 0:
                save_weights(self.model, root_folder=self.config.checkpoints.checkpoints_path / str(step))
                torch.save(self.optimizer.state_dict(), "optimizer.pt")
                self.lighteval_runner.eval_single_checkpoint(step)
