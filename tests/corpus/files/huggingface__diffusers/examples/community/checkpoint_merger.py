# Stand-in for huggingface/diffusers:examples/community/checkpoint_merger.py - hand-written for the osai-scan corpus, not copied.
"""interpolate state dicts of pipelines"""
import safetensors.torch as st


def merge_checkpoints(paths, alphas, out_path):
    merged = None
    for path, alpha in zip(paths, alphas):
        sd = st.load_file(path)
        if merged is None:
            merged = {k: v.float() * alpha for k, v in sd.items()}
        else:
            for k in merged:
                merged[k] += sd[k].float() * alpha
    st.save_file({k: v.half() for k, v in merged.items()}, out_path)
