# Stand-in for Adith-Sree/RAG-Chatbot:services/generation/prompt_builder.py - hand-written for the osai-scan corpus, not copied.
"""read prompt files and fill with chunks"""
from pathlib import Path

PROMPTS = Path(__file__).resolve().parents[2] / "prompts"


def build_prompt(question: str, chunks: list[dict]) -> list[dict]:
    system = (PROMPTS / "system_prompt.txt").read_text()
    template = (PROMPTS / "answer_prompt.txt").read_text()
    context = "\n\n".join(f"[{i + 1}] {c['text']}" for i, c in enumerate(chunks))
    return [{"role": "system", "content": system},
            {"role": "user", "content": template.format(context=context, question=question)}]
