# Stand-in for young-geng/EasyLM:EasyLM/models/llama/llama_serve.py - hand-written for the osai-scan corpus, not copied.
import mlxu

from EasyLM.checkpoint import StreamingCheckpointer
from EasyLM.models.llama.llama_model import FlaxLLaMAForCausalLMModule
from EasyLM.serving import LMServer

FLAGS, FLAGS_DEF = mlxu.define_flags_with_default(load_checkpoint="", input_length=1024, seq_length=2048)


def main(argv):
    _, params = StreamingCheckpointer.load_trainstate_checkpoint(FLAGS.load_checkpoint, disallow_trainstate=True)
    model = FlaxLLaMAForCausalLMModule()

    class ModelServer(LMServer):
        def generate(self, text, temperature):
            return model.generate(text, params=params["params"], max_length=FLAGS.seq_length)

    ModelServer(FLAGS).run()


if __name__ == "__main__":
    mlxu.run(main)
