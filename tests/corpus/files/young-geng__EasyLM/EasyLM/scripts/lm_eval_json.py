# Stand-in for young-geng/EasyLM:EasyLM/scripts/lm_eval_json.py - hand-written for the osai-scan corpus, not copied.
import json

import mlxu

from EasyLM.serving import LMClient

FLAGS, FLAGS_DEF = mlxu.define_flags_with_default(input_file="", output_file="", eval_type="generate", lm_client=None)


def main(argv):
    client = LMClient(FLAGS.lm_client)
    with mlxu.open_file(FLAGS.input_file, "r") as fin:
        prefix = [json.loads(line)["prefix_text"] for line in fin]
    with mlxu.open_file(FLAGS.output_file, "w") as fout:
        json.dump({"output_text": client.generate(prefix)}, fout)


if __name__ == "__main__":
    mlxu.run(main)
