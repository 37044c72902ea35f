# Stand-in for Vision-CAIR/MiniGPT-4:minigpt4/datasets/datasets/cc_sbu_dataset.py - hand-written for the osai-scan corpus, not copied.
import webdataset as wds
from torch.utils.data import Dataset


class CCSBUDataset:
    def __init__(self, vis_processor, text_processor, location):
        self.vis_processor, self.text_processor = vis_processor, text_processor
        self.inner_dataset = wds.DataPipeline(
            wds.ResampledShards(location),
            wds.tarfile_to_samples(),
            wds.shuffle(1000),
            wds.decode("pilrgb"),
            wds.to_tuple("jpg", "json"),
        )


class CCSBUAlignDataset(Dataset):
    def __init__(self, vis_processor, text_processor, annotation):
        self.vis_processor, self.text_processor, self.annotation = vis_processor, text_processor, annotation

    def __len__(self):
        return len(self.annotation)

    def __getitem__(self, index):
        ann = self.annotation[index]
        return {"image_id": ann["image_id"], "answer": self.text_processor(ann["caption"])}
