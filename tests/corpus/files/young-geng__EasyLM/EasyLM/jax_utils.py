# Stand-in for young-geng/EasyLM:EasyLM/jax_utils.py - hand-written for the osai-scan corpus, not copied.
import jax
import jax.numpy as jnp
import numpy as np
from jax.sharding import Mesh
from transformers.generation.flax_logits_process import FlaxLogitsWarper


class JaxRNG(object):
    def __init__(self, rng):
        self.rng = rng

    def __call__(self):
        self.rng, split = jax.random.split(self.rng)
        return split


class FlaxTemperatureLogitsWarper(FlaxLogitsWarper):
    def __init__(self, temperature):
        self.temperature = temperature

    def __call__(self, input_ids, scores, cur_len):
        return scores / jnp.clip(self.temperature, a_min=1e-8)


def get_jax_mesh(axis_dims, names):
    devices = np.array(jax.devices()).reshape([int(d) for d in axis_dims.split(",")])
    return Mesh(devices, names)
