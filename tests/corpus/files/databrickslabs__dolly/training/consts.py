# Stand-in for databrickslabs/dolly:training/consts.py - hand-written for the osai-scan corpus, not copied.
DEFAULT_INPUT_MODEL = "EleutherAI/pythia-6.9b"
SUGGESTED_INPUT_MODELS = ["EleutherAI/pythia-2.8b", "EleutherAI/pythia-6.9b", "databricks/dolly-v2-3b"]
DEFAULT_TRAINING_DATASET = "databricks/databricks-dolly-15k"
INTRO_BLURB = "Below is an instruction that describes a task. Write a response that completes it."
INSTRUCTION_KEY = "### Instruction:"
INPUT_KEY = "Input:"
RESPONSE_KEY = "### Response:"
END_KEY = "### End"
RESPONSE_KEY_NL = f"{RESPONSE_KEY}\n"
DEFAULT_SEED = 42

PROMPT_NO_INPUT_FORMAT = f"{INTRO_BLURB}\n\n{INSTRUCTION_KEY}\n{{instruction}}\n\n{RESPONSE_KEY}\n{{response}}\n\n{END_KEY}"
PROMPT_WITH_INPUT_FORMAT = (f"{INTRO_BLURB}\n\n{INSTRUCTION_KEY}\n{{instruction}}\n\n{INPUT_KEY}\n{{input}}\n\n"
                            f"{RESPONSE_KEY}\n{{response}}\n\n{END_KEY}")
PROMPT_FOR_GENERATION_FORMAT = f"{INTRO_BLURB}\n\n{INSTRUCTION_KEY}\n{{instruction}}\n\n{RESPONSE_KEY}\n"
