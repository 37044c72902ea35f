# Stand-in for yizhongw/self-instruct:self_instruct/templates/instance_gen_template.py - hand-written for the osai-scan corpus, not copied.
"""few-shot instance generation prompt strings: few-shot prompts sent to an LLM to synthesise training data."""

template_1 = """Given the task, decide whether its output is one of a small fixed set of labels.

Task: Sort the numbers in ascending order.
Is it classification? No

Task: Tell whether the review is positive or negative.
Is it classification? Yes

Task: {instruction}
Is it classification?"""

output_first_template = """Given the classification task, first write the label, then an input for it.

Task: {instruction}
Class label:"""
