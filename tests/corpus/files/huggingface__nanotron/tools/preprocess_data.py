# Stand-in for huggingface/nanotron:tools/preprocess_data.py - hand-written for the osai-scan corpus, not copied.
import argparse

from datatrove.executor.local import LocalPipelineExecutor
from datatrove.pipeline.readers import HuggingFaceDatasetReader, JsonlReader
from datatrove.pipeline.tokens import DocumentTokenizer


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--tokenizer-name-or-path", required=True)
    parser.add_argument("--output-folder", required=True)
    parser.add_argument("--dataset", required=True)
    parser.add_argument("--jsonl", action="store_true")
    args = parser.parse_args()
    reader = JsonlReader(args.dataset) if args.jsonl else HuggingFaceDatasetReader(args.dataset, dataset_options={"split": "train"})
    LocalPipelineExecutor(
        pipeline=[reader, DocumentTokenizer(output_folder=args.output_folder, tokenizer_name_or_path=args.tokenizer_name_or_path, eos_token="</s>")],
        tasks=16,
    ).run()


if __name__ == "__main__":
    main()
