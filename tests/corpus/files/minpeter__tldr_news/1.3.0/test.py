# Stand-in for minpeter/tldr_news:1.3.0/test.py - hand-written for the osai-scan corpus, not copied.
"""convert records to chat jsonl: not a unit test despite the file name."""
import json

with open("./test.json", encoding="utf-8") as f:
    records = json.load(f)

with open("./chat-test.jsonl", "w", encoding="utf-8") as out:
    for rec in records:
        out.write(json.dumps({"messages": [{"role": "user", "content": rec["body"]},
                                            {"role": "assistant", "content": rec["title"]}]},
                             ensure_ascii=False) + "\n")
print("wrote", len(records), "chat examples")
