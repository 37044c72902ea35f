# Stand-in for lllyasviel/ControlNet:annotator/uniformer/exp/upernet_global_small/config.py - hand-written for the osai-scan corpus, not copied.
# mmseg config the segmentation annotator reads (with the downloaded upernet checkpoint) to build the segmenter;
# the optimizer / lr_config / data entries come from the vendored training repo
_base_ = [
    "../../configs/_base_/models/upernet_uniformer.py",
    "../../configs/_base_/datasets/ade20k.py",
    "../../configs/_base_/default_runtime.py",
    "../../configs/_base_/schedules/schedule_160k.py",
]
model = dict(
    backbone=dict(type="UniFormer", embed_dim=[64, 128, 320, 512], layers=[3, 4, 8, 3], head_dim=64),
    decode_head=dict(in_channels=[64, 128, 320, 512], num_classes=150),
    auxiliary_head=dict(in_channels=320, num_classes=150),
)
optimizer = dict(_delete_=True, type="AdamW", lr=0.0001, weight_decay=0.01)
lr_config = dict(_delete_=True, policy="poly", warmup="linear", warmup_iters=1000, power=1.0, by_epoch=False)
data = dict(samples_per_gpu=2)
