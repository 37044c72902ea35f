# Stand-in for allenai/open-instruct:open_instruct/rejection_sampling/prompt_templates.py - hand-written for the osai-scan corpus, not copied.
# prompt templates of the rejection-sampling pipeline that builds training data:
# one set asks a model for candidate responses, the other asks a judge to pick the best one
DEFAULT_SKILL = "chat"

GENERATION_TEMPLATES = {
    "chat": "Answer the following conversation helpfully and in full.\n\n### Conversation:\n{prompt}\n\n### Answer:\n",
}

JUDGMENT_TEMPLATES = {
    "chat": "Here is a conversation and several candidate answers.\n\n{prompt}\n\n{responses}\n\nWhich answer is best? Reply with its number only.",
}


def get_generation_template(skill):
    return GENERATION_TEMPLATES.get(skill, GENERATION_TEMPLATES[DEFAULT_SKILL])


def get_judgment_template(skill):
    return JUDGMENT_TEMPLATES.get(skill, JUDGMENT_TEMPLATES[DEFAULT_SKILL])
