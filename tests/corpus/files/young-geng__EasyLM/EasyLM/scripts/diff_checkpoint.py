# Stand-in for young-geng/EasyLM:EasyLM/scripts/diff_checkpoint.py - hand-written for the osai-scan corpus, not copied.
import jax
import mlxu

from EasyLM.checkpoint import StreamingCheckpointer

FLAGS, FLAGS_DEF = mlxu.define_flags_with_default(recover_diff=False, load_base_checkpoint="", load_target_checkpoint="", output_file="")


def main(argv):
    base = StreamingCheckpointer.load_trainstate_checkpoint(FLAGS.load_base_checkpoint, disallow_trainstate=True)[1]["params"]
    target = StreamingCheckpointer.load_trainstate_checkpoint(FLAGS.load_target_checkpoint, disallow_trainstate=True)[1]["params"]
    sign = 1 if FLAGS.recover_diff else -1
    out = jax.tree_util.tree_map(lambda t, b: t + sign * b, target, base)
    StreamingCheckpointer.save_train_state_to_file(out, FLAGS.output_file)


if __name__ == "__main__":
    mlxu.run(main)
