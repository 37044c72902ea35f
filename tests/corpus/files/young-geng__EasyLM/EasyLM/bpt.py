# Stand-in for young-geng/EasyLM:EasyLM/bpt.py - hand-written for the osai-scan corpus, not copied.
import flax.linen as nn
import jax
import jax.numpy as jnp


def blockwise_ffn(remat_ffn, inputs, chunk_size=2048, deterministic=True):
    chunks = jnp.split(inputs, max(inputs.shape[1] // chunk_size, 1), axis=1)
    return jnp.concatenate([remat_ffn(c, deterministic) for c in chunks], axis=1)


def blockwise_attn(query, key, value, causal=True, query_chunk_size=512, key_chunk_size=512):
    logits = jnp.einsum("bqhc,bkhc->bhqk", query, key) / jnp.sqrt(query.shape[-1])
    return jnp.einsum("bhqk,bkhc->bqhc", jax.nn.softmax(logits, axis=-1), value)


class BlockwiseMLP(nn.Module):
    dim: int

    @nn.compact
    def __call__(self, x):
        return nn.Dense(self.dim)(x)


if __name__ == "__main__":
    # self-test against a reference implementation
    q = k = v = jax.random.normal(jax.random.PRNGKey(0), (1, 32, 8, 64))
    assert blockwise_attn(q, k, v).shape == q.shape
