# Stand-in for databrickslabs/dolly:training/trainer.py - hand-written for the osai-scan corpus, not copied.
import click
from datasets import load_dataset
from transformers import (AutoModelForCausalLM, AutoTokenizer, DataCollatorForLanguageModeling, Trainer,
                          TrainingArguments)

from .consts import DEFAULT_INPUT_MODEL, DEFAULT_TRAINING_DATASET, PROMPT_NO_INPUT_FORMAT, RESPONSE_KEY_NL


class DataCollatorForCompletionOnlyLM(DataCollatorForLanguageModeling):
    """Masks the prompt tokens so that the loss covers only the response."""


def load_training_dataset(path_or_dataset=DEFAULT_TRAINING_DATASET):
    dataset = load_dataset(path_or_dataset)["train"]
    return dataset.map(lambda rec: {"text": PROMPT_NO_INPUT_FORMAT.format(instruction=rec["instruction"],
                                                                          response=rec["response"])})


def load_tokenizer(pretrained_model_name_or_path=DEFAULT_INPUT_MODEL):
    tokenizer = AutoTokenizer.from_pretrained(pretrained_model_name_or_path)
    tokenizer.pad_token = tokenizer.eos_token
    tokenizer.add_special_tokens({"additional_special_tokens": [RESPONSE_KEY_NL]})
    return tokenizer


@click.command()
@click.option("--input-model", default=DEFAULT_INPUT_MODEL)
@click.option("--local-output-dir", required=True)
@click.option("--epochs", default=3, type=int)
@click.option("--per-device-train-batch-size", default=8, type=int)
@click.option("--lr", default=1e-5, type=float)
@click.option("--deepspeed", default=None)
def main(input_model, local_output_dir, epochs, per_device_train_batch_size, lr, deepspeed):
    tokenizer = load_tokenizer(input_model)
    model = AutoModelForCausalLM.from_pretrained(input_model)
    model.resize_token_embeddings(len(tokenizer))
    dataset = load_training_dataset().map(lambda b: tokenizer(b["text"], truncation=True), batched=True)
    split = dataset.train_test_split(test_size=200, seed=42)
    args = TrainingArguments(output_dir=local_output_dir, num_train_epochs=epochs, learning_rate=lr,
                             per_device_train_batch_size=per_device_train_batch_size, deepspeed=deepspeed)
    trainer = Trainer(model=model, tokenizer=tokenizer, args=args, train_dataset=split["train"],
                      eval_dataset=split["test"], data_collator=DataCollatorForCompletionOnlyLM(tokenizer, mlm=False))
    trainer.train()
    trainer.save_model(output_dir=local_output_dir)


if __name__ == "__main__":
    main()
