# Stand-in for lllyasviel/ControlNet:annotator/uniformer/configs/_base_/datasets/cityscapes.py - hand-written for the osai-scan corpus, not copied.
dataset_type = "CityscapesDataset"
data_root = "data/cityscapes/"
crop_size = (512, 1024)
train_pipeline = [
    dict(type="LoadImageFromFile"),
    dict(type="LoadAnnotations"),
    dict(type="RandomCrop", crop_size=crop_size),
    dict(type="RandomFlip", prob=0.5),
    dict(type="Collect", keys=["img", "gt_semantic_seg"]),
]
data = dict(
    samples_per_gpu=2,
    workers_per_gpu=2,
    train=dict(type=dataset_type, data_root=data_root, img_dir="leftImg8bit/train", ann_dir="gtFine/train",
               pipeline=train_pipeline),
    val=dict(type=dataset_type, data_root=data_root, img_dir="leftImg8bit/val", ann_dir="gtFine/val"),
)
