# Stand-in for haotian-liu/LLaVA:llava/serve/test_message.py - hand-written for the osai-scan corpus, not copied.
"""Client that sends one chat message to a running model worker (not a unit test)."""
__test__ = False  # inert under pytest: a stand-in, not a test of this project

import argparse
import json


def main(args):
    import requests
    from llava.conversation import default_conversation

    conv = default_conversation.copy()
    conv.append_message(conv.roles[0], args.message)
    payload = {"model": args.model_name, "prompt": conv.get_prompt(), "max_new_tokens": 64}
    response = requests.post(args.worker_address + "/worker_generate_stream", json=payload, stream=True)
    for chunk in response.iter_lines(delimiter=b"\0"):
        if chunk:
            print(json.loads(chunk.decode())["text"])


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--worker-address", default="http://localhost:21002")
    parser.add_argument("--model-name", default="llava-v1.5-7b")
    parser.add_argument("--message", default="Tell me a story.")
    main(parser.parse_args())
