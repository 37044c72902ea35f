"""Well-known Hub repositories reproduced for the fake Hub: their file names, card fields and license files.

File listings, card front matter, gates and shard counts follow the public repositories (as
listed on the Hub in 2024-2025; large listings are trimmed to the files that matter for
licensing: every weight shard, configs, tokenizers, license and policy files, code). License
files carry the real license texts (from ScanCode's license DB). Weights are valid headers over
sparse tails, so scanning them costs exactly what it would on the Hub: the headers.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.hubrepos import LLAMA_CONFIG, RepoWriter, card

LLAMA2_GATE = {
    "extra_gated_heading": "You need to share contact information with Meta to access this model",
    "extra_gated_prompt": "### LLAMA 2 COMMUNITY LICENSE AGREEMENT\n\"Agreement\" means the terms and conditions for "
                          "use, reproduction, distribution and modification of the Llama Materials set forth herein.",
    "extra_gated_fields": {"First Name": "text", "Last Name": "text", "Date of birth": "date_picker",
                           "Country": "country", "Affiliation": "text",
                           "I accept the terms and conditions": "checkbox"},
    "extra_gated_button_content": "Submit",
}
#: The token of an auditor who was granted access to the gated repositories.
AUDITOR_TOKEN = "hf_auditor_granted"
TOKENIZER = {"version": "1.0", "model": {"type": "BPE", "vocab": {"a": 0}, "merges": []}}


def _config(arch: str, model_type: str, version: str = "4.40.0", **extra: Any) -> dict[str, Any]:
    return {"architectures": [arch], "model_type": model_type, "torch_dtype": "bfloat16",
            "transformers_version": version, **extra}


def _shards(repo: RepoWriter, count: int, pattern: str = "model-{:05d}-of-{:05d}.safetensors",
            layers: int = 4, index: str = "model.safetensors.index.json", size: int = 4 * 1024**3) -> None:
    weight_map = {}
    for number in range(1, count + 1):
        name = pattern.format(number, count)
        repo.safetensors(name, range(layers * number, layers * number + layers), size=size)
        weight_map[f"model.layers.{layers * number}.self_attn.q_proj.weight"] = name
    repo.json(index, {"metadata": {"total_size": count * size}, "weight_map": weight_map})


def _tokenizer(repo: RepoWriter, sentencepiece: bool = False) -> None:
    repo.json("tokenizer.json", TOKENIZER)
    repo.json("tokenizer_config.json", {"model_max_length": 4096})
    repo.json("special_tokens_map.json", {"bos_token": "<s>", "eos_token": "</s>"})
    if sentencepiece:
        repo.weights("tokenizer.model", b"\n\x0e\n\x05<unk>\x15\x00\x00\x00\x00", 499723)


def gpt2(root: Path) -> RepoWriter:
    repo = RepoWriter(root, "openai-community/gpt2")
    repo.text("README.md", card(language="en", tags=["exbert"], license="mit"))
    repo.json("config.json", {"activation_function": "gelu_new", "architectures": ["GPT2LMHeadModel"],
                              "model_type": "gpt2", "n_ctx": 1024, "n_embd": 768, "n_layer": 12, "vocab_size": 50257})
    repo.json("generation_config.json", {"bos_token_id": 50256, "eos_token_id": 50256,
                                         "transformers_version": "4.26.0.dev0"})
    repo.json("vocab.json", {"!": 0})
    repo.text("merges.txt", "#version: 0.2\nĠ t\n")
    repo.json("tokenizer.json", TOKENIZER)
    repo.json("tokenizer_config.json", {"model_max_length": 1024})
    repo.safetensors("model.safetensors", range(12), size=548 * 1024**2)
    for name, size in (("pytorch_model.bin", 548 * 1024**2), ("tf_model.h5", 498 * 1024**2),
                       ("flax_model.msgpack", 498 * 1024**2), ("rust_model.ot", 703 * 1024**2),
                       ("64.tflite", 498 * 1024**2), ("onnx/decoder_model.onnx", 653 * 1024**2)):
        repo.weights(name, b"PK\x03\x04" if name.endswith(".bin") else b"\x89HDF", size)
    repo.json("onnx/config.json", {"architectures": ["GPT2LMHeadModel"], "model_type": "gpt2"})
    return repo.done()


def bert(root: Path) -> RepoWriter:
    repo = RepoWriter(root, "google-bert/bert-base-uncased")
    repo.text("README.md", card(language="en", tags=["exbert"], license="apache-2.0",
                                datasets=["bookcorpus", "wikipedia"]))
    repo.json("config.json", _config("BertForMaskedLM", "bert", "4.6.0.dev0"))
    repo.json("tokenizer.json", TOKENIZER)
    repo.json("tokenizer_config.json", {"do_lower_case": True})
    repo.text("vocab.txt", "[PAD]\n[UNK]\n")
    repo.safetensors("model.safetensors", range(12), size=440 * 1024**2)
    for name in ("pytorch_model.bin", "tf_model.h5", "flax_model.msgpack", "rust_model.ot", "model.onnx"):
        repo.weights(name, b"PK\x03\x04", 440 * 1024**2)
    return repo.done()


def mistral(root: Path) -> RepoWriter:
    repo = RepoWriter(root, "mistralai/Mistral-7B-v0.1")
    repo.text("README.md", card(
        language=["en"], license="apache-2.0", tags=["pretrained"], pipeline_tag="text-generation",
        inference={"parameters": {"temperature": 0.7}},
        extra_gated_description="If you want to learn more about how we process your personal data, please read "
                                "our <a href=\"https://mistral.ai/terms/\">Privacy Policy</a>."))
    repo.json("config.json", _config("MistralForCausalLM", "mistral", "4.34.0.dev0"))
    repo.json("generation_config.json", {"bos_token_id": 1, "eos_token_id": 2})
    _shards(repo, 2)
    for number in (1, 2):
        repo.weights(f"pytorch_model-0000{number}-of-00002.bin", b"PK\x03\x04", 4 * 1024**3)
    repo.json("pytorch_model.bin.index.json", {"metadata": {}, "weight_map": {}})
    _tokenizer(repo, sentencepiece=True)
    repo.config.update(gated="auto", authorized_tokens=[AUDITOR_TOKEN])
    return repo.done()


def llama2(root: Path) -> RepoWriter:
    repo = RepoWriter(root, "meta-llama/Llama-2-7b-hf")
    repo.text("README.md", card(**LLAMA2_GATE, language=["en"], pipeline_tag="text-generation", inference=False,
                                tags=["facebook", "meta", "pytorch", "llama", "llama-2"], license="llama2"))
    repo.license("LICENSE.txt", "llama-2-license-2023")
    repo.text("USE_POLICY.md", "# Llama 2 Acceptable Use Policy\n\nMeta is committed to promoting safe and fair use "
                               "of its tools and features, including Llama 2.\n")
    repo.weights("Responsible-Use-Guide.pdf", b"%PDF-1.7\n", 1253223)
    repo.json("config.json", dict(LLAMA_CONFIG, transformers_version="4.31.0.dev0"))
    repo.json("generation_config.json", {"bos_token_id": 1, "eos_token_id": 2, "temperature": 0.6})
    _shards(repo, 2)
    for number in (1, 2):
        repo.weights(f"pytorch_model-0000{number}-of-00002.bin", b"PK\x03\x04", 5 * 1024**3)
    repo.json("pytorch_model.bin.index.json", {"metadata": {}, "weight_map": {}})
    _tokenizer(repo, sentencepiece=True)
    repo.config.update(gated="manual", authorized_tokens=[AUDITOR_TOKEN])
    return repo.done()


def sdxl(root: Path) -> RepoWriter:
    repo = RepoWriter(root, "stabilityai/stable-diffusion-xl-base-1.0")
    repo.text("README.md", card(license="openrail++", tags=["text-to-image", "stable-diffusion"]))
    repo.license("LICENSE.md", "bigscience-open-rail-m2")
    repo.json("model_index.json", {"_class_name": "StableDiffusionXLPipeline", "_diffusers_version": "0.19.0.dev0",
                                   "force_zeros_for_empty_prompt": True})
    repo.json("scheduler/scheduler_config.json", {"_class_name": "EulerDiscreteScheduler"})
    for part, arch in (("text_encoder", "CLIPTextModel"), ("text_encoder_2", "CLIPTextModelWithProjection")):
        repo.json(f"{part}/config.json", _config(arch, "clip_text_model", "4.32.0.dev0"))
        repo.safetensors(f"{part}/model.safetensors", range(2), size=1389 * 1024**2)
        repo.safetensors(f"{part}/model.fp16.safetensors", range(2), size=694 * 1024**2)
    for part in ("tokenizer", "tokenizer_2"):
        repo.json(f"{part}/vocab.json", {"!": 0})
        repo.text(f"{part}/merges.txt", "#version: 0.2\n")
        repo.json(f"{part}/special_tokens_map.json", {"bos_token": "<|startoftext|>"})
        repo.json(f"{part}/tokenizer_config.json", {"model_max_length": 77})
    repo.json("unet/config.json", {"_class_name": "UNet2DConditionModel", "_diffusers_version": "0.19.0.dev0"})
    repo.safetensors("unet/diffusion_pytorch_model.safetensors", range(8), size=10 * 1024**3)
    repo.safetensors("unet/diffusion_pytorch_model.fp16.safetensors", range(8), size=5 * 1024**3)
    repo.json("vae/config.json", {"_class_name": "AutoencoderKL", "_diffusers_version": "0.19.0.dev0"})
    repo.safetensors("vae/diffusion_pytorch_model.safetensors", range(1), size=334 * 1024**2)
    repo.safetensors("sd_xl_base_1.0.safetensors", range(8), size=6938 * 1024**2)
    repo.safetensors("sd_xl_offset_example-lora_1.0.safetensors", range(1), size=49 * 1024**2)
    for image in ("01.png", "comparison.png", "pipeline.png"):
        repo.weights(image, b"\x89PNG\r\n\x1a\n", 1024 * 1024)
    return repo.done()


def minilm(root: Path) -> RepoWriter:
    repo = RepoWriter(root, "sentence-transformers/all-MiniLM-L6-v2")
    repo.text("README.md", card(
        language="en", license="apache-2.0", library_name="sentence-transformers",
        tags=["sentence-transformers", "feature-extraction", "sentence-similarity", "transformers"],
        datasets=["s2orc", "flax-sentence-embeddings/stackexchange_xml", "ms_marco", "gooaq", "yahoo_answers_topics",
                  "code_search_net", "search_qa", "eli5", "snli", "multi_nli", "wikihow", "natural_questions",
                  "trivia_qa", "embedding-data/sentence-compression", "embedding-data/flickr30k-captions",
                  "embedding-data/altlex", "embedding-data/simple-wiki", "embedding-data/QQP",
                  "embedding-data/SPECTER", "embedding-data/PAQ_pairs", "embedding-data/WikiAnswers"],
        pipeline_tag="sentence-similarity"))
    repo.json("1_Pooling/config.json", {"word_embedding_dimension": 384, "pooling_mode_mean_tokens": True})
    repo.json("config.json", _config("BertModel", "bert", "4.8.2"))
    repo.json("config_sentence_transformers.json", {"__version__": {"sentence_transformers": "2.0.0"}})
    repo.json("data_config.json", [{"name": "stackexchange_title_body_jsonl", "lines": 364001}])
    repo.json("modules.json", [{"idx": 0, "name": "0", "path": "", "type": "sentence_transformers.models.Transformer"}])
    repo.json("sentence_bert_config.json", {"max_seq_length": 256})
    repo.safetensors("model.safetensors", range(6), size=90 * 1024**2)
    repo.weights("onnx/model.onnx", b"\x08\x07", 90 * 1024**2)
    repo.weights("pytorch_model.bin", b"PK\x03\x04", 90 * 1024**2)
    repo.weights("rust_model.ot", b"PK\x03\x04", 90 * 1024**2)
    repo.weights("tf_model.h5", b"\x89HDF", 91 * 1024**2)
    _tokenizer(repo)
    repo.text("vocab.txt", "[PAD]\n")
    repo.text("train_script.py", "import argparse\nimport torch\nfrom torch import nn\n\n\ndef train(model, data):\n"
                                 "    optimizer = torch.optim.AdamW(model.parameters(), lr=2e-5)\n"
                                 "    for batch in data:\n        loss = model(batch)\n        loss.backward()\n"
                                 "        optimizer.step()\n")
    return repo.done()


def llama2_gguf(root: Path) -> RepoWriter:
    repo = RepoWriter(root, "TheBloke/Llama-2-7B-GGUF")
    repo.text("README.md", card(
        base_model="meta-llama/Llama-2-7b-hf", inference=False, language=["en"], license="llama2",
        model_creator="Meta", model_name="Llama 2 7B", model_type="llama", pipeline_tag="text-generation",
        prompt_template="{prompt}\n", quantized_by="TheBloke", tags=["facebook", "meta", "pytorch", "llama", "llama-2"]))
    repo.license("LICENSE.txt", "llama-2-license-2023")
    repo.text("USE_POLICY.md", "# Llama 2 Acceptable Use Policy\n")
    repo.json("config.json", {"model_type": "llama"})
    for quant, size in (("Q2_K", 2825 * 1024**2), ("Q4_K_M", 4081 * 1024**2), ("Q5_K_M", 4783 * 1024**2),
                        ("Q8_0", 7161 * 1024**2)):
        repo.gguf(f"llama-2-7b.{quant}.gguf", {"general.architecture": "llama", "general.name": "LLaMA v2"}, size)
    return repo.done()


def qwen(root: Path, size: str, shards: int, other: bool) -> list[RepoWriter]:
    base = RepoWriter(root, f"Qwen/Qwen2.5-{size}")
    lic: dict[str, Any] = ({"license": "other", "license_name": "qwen",
                            "license_link": f"https://huggingface.co/Qwen/Qwen2.5-{size}/blob/main/LICENSE"}
                           if other else {"license": "apache-2.0",
                                          "license_link": f"https://huggingface.co/Qwen/Qwen2.5-{size}/blob/main/LICENSE"})
    base.text("README.md", card(**lic, language=["en"], pipeline_tag="text-generation", library_name="transformers"))
    base.license("LICENSE", "qwen-2024" if other else "apache-2.0")
    base.json("config.json", _config("Qwen2ForCausalLM", "qwen2", "4.43.1"))
    base.done()
    repo = RepoWriter(root, f"Qwen/Qwen2.5-{size}-Instruct")
    lic = dict(lic, license_link=f"https://huggingface.co/Qwen/Qwen2.5-{size}-Instruct/blob/main/LICENSE")
    repo.text("README.md", card(**lic, language=["en"], pipeline_tag="text-generation", base_model=f"Qwen/Qwen2.5-{size}",
                                tags=["chat"], library_name="transformers"))
    repo.license("LICENSE", "qwen-2024" if other else "apache-2.0")
    repo.json("config.json", _config("Qwen2ForCausalLM", "qwen2", "4.43.1"))
    repo.json("generation_config.json", {"bos_token_id": 151643, "do_sample": True})
    repo.json("vocab.json", {"!": 0})
    repo.text("merges.txt", "Ġ Ġ\n")
    repo.json("tokenizer.json", TOKENIZER)
    repo.json("tokenizer_config.json", {"model_max_length": 131072})
    _shards(repo, shards)
    return [base, repo.done()]


def phi2(root: Path) -> RepoWriter:
    repo = RepoWriter(root, "microsoft/phi-2")
    repo.text("README.md", card(license="mit", license_link="https://huggingface.co/microsoft/phi-2/resolve/main/LICENSE",
                                language=["en"], pipeline_tag="text-generation", tags=["nlp", "code"]))
    repo.license("LICENSE", "mit")
    repo.text("CODE_OF_CONDUCT.md", "# Microsoft Open Source Code of Conduct\n")
    repo.text("NOTICE.md", "NOTICES AND INFORMATION\nDo Not Translate or Localize\n")
    repo.text("SECURITY.md", "## Security\n\nMicrosoft takes the security of our software products seriously.\n")
    repo.json("added_tokens.json", {"<|endoftext|>": 50256})
    repo.json("config.json", _config("PhiForCausalLM", "phi", "4.37.0"))
    repo.json("generation_config.json", {"bos_token_id": 50256})
    repo.json("vocab.json", {"!": 0})
    repo.text("merges.txt", "Ġ t\n")
    _shards(repo, 2)
    _tokenizer(repo)
    return repo.done()


def falcon(root: Path) -> list[RepoWriter]:
    data = RepoWriter(root, "tiiuae/falcon-refinedweb", dataset=True)
    data.text("README.md", card("# Falcon RefinedWeb\n", license="odc-by", task_categories=["text-generation"],
                                language=["en"], pretty_name="Falcon RefinedWeb", size_categories=["100B<n<1T"]))
    data.parquet("data/train-00000-of-05534-b8fc5348cbe605a5.parquet", 512 * 1024**2)
    data.done()
    repo = RepoWriter(root, "tiiuae/falcon-7b")
    repo.text("README.md", card(datasets=["tiiuae/falcon-refinedweb"], language=["en"], inference=False,
                                license="apache-2.0"))
    repo.json("config.json", _config("FalconForCausalLM", "falcon", "4.27.4"))
    repo.text("configuration_falcon.py", "# coding=utf-8\n\"\"\"Falcon configuration\"\"\"\n"
                                         "from transformers.configuration_utils import PretrainedConfig\n\n\n"
                                         "class FalconConfig(PretrainedConfig):\n    model_type = \"falcon\"\n")
    repo.text("modeling_falcon.py", "# coding=utf-8\n\"\"\"PyTorch Falcon model.\"\"\"\nimport torch\nfrom torch import nn\n"
                                    "\n\nclass FalconModel(nn.Module):\n    def forward(self, x):\n        return x\n")
    repo.json("generation_config.json", {"bos_token_id": 11, "eos_token_id": 11})
    _shards(repo, 2)
    for number in (1, 2):
        repo.weights(f"pytorch_model-0000{number}-of-00002.bin", b"PK\x03\x04", 5 * 1024**3)
    repo.json("pytorch_model.bin.index.json", {"metadata": {}, "weight_map": {}})
    _tokenizer(repo)
    return [data, repo.done()]


def gemma(root: Path) -> RepoWriter:
    repo = RepoWriter(root, "google/gemma-2b")
    repo.text("README.md", card(
        library_name="transformers", license="gemma", extra_gated_heading="Access Gemma on Hugging Face",
        extra_gated_prompt="To access Gemma on Hugging Face, you’re required to review and agree to Google’s usage "
                           "license. To do this, please ensure you’re logged-in to Hugging Face and click below. "
                           "Requests are processed immediately.",
        extra_gated_button_content="Acknowledge license"))
    repo.json("config.json", _config("GemmaForCausalLM", "gemma", "4.38.0.dev0"))
    repo.gguf("gemma-2b.gguf", {"general.architecture": "gemma", "general.name": "gemma-2b"}, 10 * 1024**3)
    repo.json("generation_config.json", {"bos_token_id": 2})
    _shards(repo, 2)
    _tokenizer(repo, sentencepiece=True)
    repo.config.update(gated="auto", authorized_tokens=[AUDITOR_TOKEN])
    return repo.done()


def whisper(root: Path) -> RepoWriter:
    repo = RepoWriter(root, "openai/whisper-large-v3")
    repo.text("README.md", card(language=["en", "zh", "de", "es", "ru"], license="apache-2.0",
                                tags=["audio", "automatic-speech-recognition", "hf-asr-leaderboard"],
                                pipeline_tag="automatic-speech-recognition"))
    repo.json("added_tokens.json", {"<|0.00|>": 50365})
    repo.json("config.json", _config("WhisperForConditionalGeneration", "whisper", "4.36.0.dev0"))
    repo.json("generation_config.json", {"begin_suppress_tokens": [220, 50257]})
    repo.json("normalizer.json", {"accomodation": "accommodation"})
    repo.json("preprocessor_config.json", {"feature_extractor_type": "WhisperFeatureExtractor"})
    repo.json("vocab.json", {"!": 0})
    repo.text("merges.txt", "Ġ t\n")
    repo.safetensors("model.safetensors", range(32), size=3087 * 1024**2)
    _shards(repo, 2, pattern="model.fp32-{:05d}-of-{:05d}.safetensors", index="model.safetensors.index.fp32.json")
    repo.weights("pytorch_model.bin", b"PK\x03\x04", 3087 * 1024**2)
    for number in (1, 2):
        repo.weights(f"pytorch_model.fp32-0000{number}-of-00002.bin", b"PK\x03\x04", 4 * 1024**3)
    repo.json("pytorch_model.bin.index.fp32.json", {"metadata": {}, "weight_map": {}})
    _tokenizer(repo)
    return repo.done()


def bge(root: Path) -> RepoWriter:
    repo = RepoWriter(root, "BAAI/bge-small-en-v1.5")
    repo.text("README.md", card(tags=["sentence-transformers", "feature-extraction", "sentence-similarity",
                                      "transformers", "mteb"], license="mit", language=["en"]))
    repo.json("1_Pooling/config.json", {"word_embedding_dimension": 384, "pooling_mode_cls_token": True})
    repo.json("config.json", _config("BertModel", "bert", "4.30.0"))
    repo.json("config_sentence_transformers.json", {"__version__": {"sentence_transformers": "2.2.2"}})
    repo.json("modules.json", [{"idx": 0, "name": "0", "path": "", "type": "sentence_transformers.models.Transformer"}])
    repo.json("sentence_bert_config.json", {"max_seq_length": 512, "do_lower_case": True})
    repo.safetensors("model.safetensors", range(12), size=133 * 1024**2)
    repo.weights("onnx/model.onnx", b"\x08\x07", 133 * 1024**2)
    repo.weights("pytorch_model.bin", b"PK\x03\x04", 133 * 1024**2)
    _tokenizer(repo)
    repo.text("vocab.txt", "[PAD]\n")
    repo.info(library_name="sentence-transformers")  # the Hub infers it from the sentence-transformers tag
    return repo.done()


def deepseek_v3(root: Path) -> RepoWriter:
    repo = RepoWriter(root, "deepseek-ai/DeepSeek-V3")
    repo.text("README.md", card("# DeepSeek-V3\n\n## License\nThis code repository is licensed under "
                                "[the MIT License](LICENSE-CODE). The use of DeepSeek-V3 Base/Chat models is subject "
                                "to [the Model License](LICENSE-MODEL).\n", library_name="transformers"))
    repo.license("LICENSE-CODE", "mit")
    repo.license("LICENSE-MODEL", "deepseek-la-1.0")
    repo.text("README_WEIGHTS.md", "# DeepSeek-V3 Weight File Documentation\n")
    repo.json("config.json", _config("DeepseekV3ForCausalLM", "deepseek_v3", "4.46.3", auto_map={
        "AutoConfig": "configuration_deepseek.DeepseekV3Config",
        "AutoModelForCausalLM": "modeling_deepseek.DeepseekV3ForCausalLM"}))
    repo.text("configuration_deepseek.py", "from transformers.configuration_utils import PretrainedConfig\n\n\n"
                                           "class DeepseekV3Config(PretrainedConfig):\n"
                                           "    model_type = \"deepseek_v3\"\n")
    repo.text("modeling_deepseek.py", "# coding=utf-8\n\"\"\"PyTorch DeepSeek model.\"\"\"\nimport torch\n"
                                      "from torch import nn\n\n\nclass DeepseekV3MoE(nn.Module):\n"
                                      "    def forward(self, hidden_states):\n        return hidden_states\n")
    repo.text("inference/generate.py", "import torch\n\n\ndef sample(logits, temperature: float = 1.0):\n"
                                       "    return torch.argmax(logits / temperature, dim=-1)\n")
    repo.text("inference/requirements.txt", "torch==2.4.1\ntriton==3.0.0\ntransformers==4.46.3\n")
    repo.json("generation_config.json", {"bos_token_id": 0, "eos_token_id": 1})
    _shards(repo, 163, pattern="model-{:05d}-of-{:06d}.safetensors", layers=4)
    repo.json("tokenizer.json", TOKENIZER)
    repo.json("tokenizer_config.json", {"model_max_length": 16384})
    return repo.done()


def fineweb(root: Path) -> RepoWriter:
    repo = RepoWriter(root, "HuggingFaceFW/fineweb", dataset=True)
    repo.text("README.md", card("# 🍷 FineWeb\n\n> 15 trillion tokens of the finest data the 🌐 web has to offer\n",
                                license="odc-by", task_categories=["text-generation"], language=["en"],
                                pretty_name="FineWeb", size_categories=["n>1T"],
                                configs=[{"config_name": "default", "data_files": [
                                    {"split": "train", "path": "data/*/*"}]}]))
    for dump in ("CC-MAIN-2013-20", "CC-MAIN-2024-10"):
        for number in range(2):
            repo.parquet(f"data/{dump}/000_{number:05d}.parquet", 2150 * 1024**2, footer=60 * 1024)
    repo.parquet("sample/10BT/000_00000.parquet", 2150 * 1024**2, footer=60 * 1024)
    return repo.done()


def alpaca_lora(root: Path) -> RepoWriter:
    repo = RepoWriter(root, "tloen/alpaca-lora-7b")
    repo.text("README.md", card("This repo contains a low-rank adapter for LLaMA-7b fit on the Stanford Alpaca "
                                "dataset.\n", license="mit", datasets=["yahma/alpaca-cleaned"]))
    repo.json("adapter_config.json", {"base_model_name_or_path": "decapoda-research/llama-7b-hf", "peft_type": "LORA",
                                      "r": 16, "lora_alpha": 16, "target_modules": ["q_proj", "k_proj", "v_proj",
                                                                                    "o_proj"], "task_type": "CAUSAL_LM"})
    repo.weights("adapter_model.bin", b"PK\x03\x04", 67201357)
    return repo.done()


def write_known(root: Path) -> list[RepoWriter]:
    """Every well-known repository (and the bases and datasets they name), under ``root``."""
    return [gpt2(root), bert(root), mistral(root), llama2(root), sdxl(root), minilm(root), llama2_gguf(root),
            *qwen(root, "7B", 4, other=False), *qwen(root, "72B", 37, other=True), phi2(root), *falcon(root),
            gemma(root), whisper(root), bge(root), deepseek_v3(root), fineweb(root), alpaca_lora(root)]


#: The repositories the closing note reports on (bases and datasets looked up are not scanned).
KNOWN = ("openai-community/gpt2", "google-bert/bert-base-uncased", "mistralai/Mistral-7B-v0.1",
         "meta-llama/Llama-2-7b-hf", "stabilityai/stable-diffusion-xl-base-1.0",
         "sentence-transformers/all-MiniLM-L6-v2", "TheBloke/Llama-2-7B-GGUF", "Qwen/Qwen2.5-7B-Instruct",
         "Qwen/Qwen2.5-72B-Instruct", "microsoft/phi-2", "tiiuae/falcon-7b", "google/gemma-2b",
         "openai/whisper-large-v3", "BAAI/bge-small-en-v1.5", "deepseek-ai/DeepSeek-V3", "datasets/HuggingFaceFW/fineweb",
         "tloen/alpaca-lora-7b")

__all__ = ["AUDITOR_TOKEN", "KNOWN", "write_known"]
