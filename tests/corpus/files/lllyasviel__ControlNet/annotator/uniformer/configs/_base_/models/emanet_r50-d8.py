# Stand-in for lllyasviel/ControlNet:annotator/uniformer/configs/_base_/models/emanet_r50-d8.py - hand-written for the osai-scan corpus, not copied.
# model settings
norm_cfg = dict(type="SyncBN", requires_grad=True)
model = dict(
    type="EncoderDecoder",
    backbone=dict(type="ResNetV1c", depth=50, num_stages=4, norm_cfg=norm_cfg),
    decode_head=dict(type="EMAHead", in_channels=2048, channels=256, num_classes=19, norm_cfg=norm_cfg,
                     loss_decode=dict(type="CrossEntropyLoss", loss_weight=1.0)),
    auxiliary_head=dict(type="FCNHead", in_channels=1024, channels=256, num_classes=19, norm_cfg=norm_cfg,
                        loss_decode=dict(type="CrossEntropyLoss", loss_weight=0.4)),
    train_cfg=dict(),
    test_cfg=dict(mode="whole"),
)
