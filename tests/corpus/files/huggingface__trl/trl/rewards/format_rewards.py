# Stand-in for huggingface/trl:trl/rewards/format_rewards.py - hand-written for the osai-scan corpus, not copied.
"""format reward for completions"""
import re


def answer_tag_reward(completions, **kwargs):
    """Reward for policy-gradient fine-tuning: 1.0 when the final answer sits inside <answer> tags."""
    tag = re.compile(r"<answer>\s*\S.*?</answer>\s*$", re.S)
    return [1.0 if tag.search(c[0]["content"]) else 0.0 for c in completions]
