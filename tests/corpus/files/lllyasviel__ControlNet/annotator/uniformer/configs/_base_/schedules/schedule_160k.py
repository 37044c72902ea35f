# Stand-in for lllyasviel/ControlNet:annotator/uniformer/configs/_base_/schedules/schedule_160k.py - hand-written for the osai-scan corpus, not copied.
optimizer = dict(type="SGD", lr=0.01, momentum=0.9, weight_decay=0.0005)
optimizer_config = dict()
lr_config = dict(policy="poly", power=0.9, min_lr=1e-4, by_epoch=False)
runner = dict(type="IterBasedRunner", max_iters=160000)
checkpoint_config = dict(by_epoch=False, interval=16000)
evaluation = dict(interval=16000, metric="mIoU")
