# Stand-in for Vision-CAIR/MiniGPT-4:minigpt4/processors/blip_processors.py - hand-written for the osai-scan corpus, not copied.
from torchvision import transforms

from minigpt4.common.registry import registry


@registry.register_processor("blip_caption")
class BlipCaptionProcessor:
    def __call__(self, caption):
        return caption.strip().lower()


@registry.register_processor("blip2_image_train")
class Blip2ImageTrainProcessor:
    def __init__(self, image_size=224):
        self.transform = transforms.Compose([transforms.RandomResizedCrop(image_size), transforms.ToTensor()])

    def __call__(self, item):
        return self.transform(item)


@registry.register_processor("blip2_image_eval")
class Blip2ImageEvalProcessor:
    def __init__(self, image_size=224):
        self.transform = transforms.Compose([transforms.Resize((image_size, image_size)), transforms.ToTensor()])

    def __call__(self, item):
        return self.transform(item)
