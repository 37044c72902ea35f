# Stand-in for Vision-CAIR/MiniGPT-4:minigpt4/tasks/image_text_pretrain.py - hand-written for the osai-scan corpus, not copied.
from minigpt4.common.registry import registry
from minigpt4.tasks.base_task import BaseTask


@registry.register_task("image_text_pretrain")
class ImageTextPretrainTask(BaseTask):
    def train_step(self, model, samples):
        return model(samples)["loss"]

    def evaluation(self, model, data_loader, cuda_enabled=True):
        pass
