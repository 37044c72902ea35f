# Stand-in for huggingface/trl:scripts/log_reports.py - hand-written for the osai-scan corpus, not copied.
"""parse test logs and post to slack"""
import json
import os
from pathlib import Path
import requests

failed = []
for log in Path(".").glob("*.log"):
    for line in log.read_text().splitlines():
        if '"outcome": "failed"' in line:
            failed.append(json.loads(line)["nodeid"])
text = "All tests passed" if not failed else "Failed:\n" + "\n".join(failed[:50])
requests.post("https://slack.com/api/chat.postMessage",
              headers={"Authorization": f"Bearer {os.environ['SLACK_TOKEN']}"},
              json={"channel": os.environ.get("SLACK_CHANNEL", "ci"), "text": text})
