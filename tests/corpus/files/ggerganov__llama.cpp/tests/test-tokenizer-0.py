# Stand-in for ggerganov/llama.cpp:tests/test-tokenizer-0.py - hand-written for the osai-scan corpus, not copied.
"""compare tokenizers"""
import subprocess
import pytest

PROMPT = "Once upon a time"


@pytest.mark.parametrize("temperature", [0.0])
def test_reference_and_runtime_agree(temperature):
    ref = subprocess.check_output(["python", "sample.py", f"--start={PROMPT}", "--num_samples=1",
                                   f"--temperature={temperature}"], text=True)
    out = subprocess.check_output(["./run", "model.bin", "-t", str(temperature), "-i", PROMPT], text=True)
    assert ref.strip().split()[:20] == out.strip().split()[:20]
