# Stand-in for 31mohit/tinyllama-finetune:chat.py - hand-written for the osai-scan corpus, not copied.
"""console chat with llama_cpp"""
from llama_cpp import Llama

llm = Llama(model_path="./finetuned.Q4_K_M.gguf", n_ctx=2048, verbose=False)
while True:
    msg = input("You: ")
    if msg.lower() == "exit":
        break
    out = llm(f"### Instruction:\n{msg}\n\n### Response:\n", max_tokens=200, stop=["###"])
    print("Bot:", out["choices"][0]["text"].strip())
