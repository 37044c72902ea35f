# Stand-in for facebookresearch/mae:util/lr_decay.py - hand-written for the osai-scan corpus, not copied.
def param_groups_lrd(model, weight_decay=0.05, no_weight_decay_list=(), layer_decay=0.75):
    num_layers = len(model.blocks) + 1
    scales = [layer_decay ** (num_layers - i) for i in range(num_layers + 1)]
    groups = {}
    for name, p in model.named_parameters():
        if not p.requires_grad:
            continue
        layer = get_layer_id_for_vit(name, num_layers)
        key = f"layer_{layer}"
        groups.setdefault(key, {"lr_scale": scales[layer], "weight_decay": weight_decay, "params": []})
        groups[key]["params"].append(p)
    return list(groups.values())


def get_layer_id_for_vit(name, num_layers):
    if name.startswith("blocks."):
        return int(name.split(".")[1]) + 1
    return 0 if name.startswith(("cls_token", "pos_embed", "patch_embed")) else num_layers
