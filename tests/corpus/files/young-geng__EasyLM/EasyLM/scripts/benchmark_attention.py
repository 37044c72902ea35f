# Stand-in for young-geng/EasyLM:EasyLM/scripts/benchmark_attention.py - hand-written for the osai-scan corpus, not copied.
import time

import jax
import mlxu

from EasyLM.bpt import blockwise_attn

FLAGS, FLAGS_DEF = mlxu.define_flags_with_default(seq_len=2048, batch_size=1, steps=200)


def main(argv):
    q = k = v = jax.random.normal(jax.random.PRNGKey(0), (FLAGS.batch_size, FLAGS.seq_len, 8, 64))
    fn = jax.jit(blockwise_attn)
    start = time.time()
    for _ in range(FLAGS.steps):
        fn(q, k, v).block_until_ready()
    print("seconds per step", (time.time() - start) / FLAGS.steps)


if __name__ == "__main__":
    mlxu.run(main)
