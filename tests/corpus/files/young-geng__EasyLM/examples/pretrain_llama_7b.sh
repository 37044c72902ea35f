#! /bin/bash
# Stand-in for young-geng/EasyLM:examples/pretrain_llama_7b.sh - hand-written for the osai-scan corpus, not copied.
python -m EasyLM.models.llama.llama_train \
    --load_llama_config='7b' \
    --total_steps=250000 \
    --optimizer.type='adamw' \
    --optimizer.adamw_optimizer.lr=3e-4 \
    --optimizer.adamw_optimizer.lr_warmup_steps=2000 \
    --train_dataset.type='json' \
    --train_dataset.json_dataset.path='/path/to/training/data' \
    --train_dataset.json_dataset.batch_size=2048 \
    --checkpointer.save_optimizer_state=True
