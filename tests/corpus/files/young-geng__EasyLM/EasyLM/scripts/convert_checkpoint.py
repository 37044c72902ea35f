# Stand-in for young-geng/EasyLM:EasyLM/scripts/convert_checkpoint.py - hand-written for the osai-scan corpus, not copied.
import flax.serialization
import mlxu

from EasyLM.checkpoint import StreamingCheckpointer

FLAGS, FLAGS_DEF = mlxu.define_flags_with_default(load_checkpoint="", output_file="", float_dtype="bf16")


def main(argv):
    params = StreamingCheckpointer.load_trainstate_checkpoint(FLAGS.load_checkpoint, disallow_trainstate=True)[1]["params"]
    with mlxu.open_file(FLAGS.output_file, "wb") as fout:
        fout.write(flax.serialization.msgpack_serialize(params, in_place=True))


if __name__ == "__main__":
    mlxu.run(main)
