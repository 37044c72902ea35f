# Stand-in for young-geng/EasyLM:EasyLM/scripts/lm_eval_harness.py - hand-written for the osai-scan corpus, not copied.
import mlxu
from lm_eval import evaluator
from lm_eval.base import LM

from EasyLM.serving import LMClient

FLAGS, FLAGS_DEF = mlxu.define_flags_with_default(tasks="wsc,piqa", shots=0, lm_client=None)


class LMEvalHarnessInterface(LM):
    def __init__(self, lm_client):
        self.lm_client = lm_client

    def greedy_until(self, inputs):
        return [self.lm_client.generate(prefix) for prefix, _ in inputs]


def main(argv):
    model = LMEvalHarnessInterface(LMClient(FLAGS.lm_client))
    print(evaluator.evaluate(model, tasks=FLAGS.tasks.split(","), num_fewshot=FLAGS.shots))


if __name__ == "__main__":
    mlxu.run(main)
