# Stand-in for openai/gpt-2:download_model.py - hand-written for the osai-scan corpus, not copied.
"""fetch released weights by name"""
import os
from huggingface_hub import hf_hub_download, snapshot_download

MODELS_DIR = os.environ.get("MODELS_DIR", "models")
os.makedirs(MODELS_DIR, exist_ok=True)
snapshot_download("BAAI/bge-small-en-v1.5", local_dir=os.path.join(MODELS_DIR, "embedding"))
hf_hub_download("TheBloke/Mistral-7B-Instruct-v0.2-GGUF", "mistral-7b-instruct-v0.2.Q4_K_M.gguf",
                local_dir=MODELS_DIR)
print("weights ready for inference in", MODELS_DIR)
