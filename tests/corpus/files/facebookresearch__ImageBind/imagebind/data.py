# Stand-in for facebookresearch/ImageBind:imagebind/data.py - hand-written for the osai-scan corpus, not copied.
import torch
from PIL import Image
from torchvision import transforms

from imagebind.models.multimodal_preprocessors import SimpleTokenizer


def load_and_transform_vision_data(image_paths, device):
    transform = transforms.Compose([transforms.Resize(224), transforms.CenterCrop(224), transforms.ToTensor()])
    return torch.stack([transform(Image.open(p).convert("RGB")) for p in image_paths]).to(device)


def load_and_transform_text(text, device):
    tokenizer = SimpleTokenizer(bpe_path="bpe/bpe_simple_vocab_16e6.txt.gz")
    return torch.stack([tokenizer(t) for t in text]).to(device)


def load_and_transform_audio_data(audio_paths, device, num_mel_bins=128):
    import torchaudio

    out = []
    for p in audio_paths:
        waveform, sr = torchaudio.load(p)
        out.append(torchaudio.compliance.kaldi.fbank(waveform, num_mel_bins=num_mel_bins))
    return torch.stack(out).to(device)
