# Stand-in for young-geng/EasyLM:EasyLM/optimizers.py - hand-written for the osai-scan corpus, not copied.
import optax


class AdamWOptimizerFactory(object):
    @classmethod
    def get_optimizer(cls, config, weight_decay_mask=None):
        schedule = optax.warmup_cosine_decay_schedule(
            init_value=config.init_lr,
            peak_value=config.lr,
            warmup_steps=config.lr_warmup_steps,
            decay_steps=config.lr_decay_steps,
            end_value=config.end_lr,
        )
        optimizer = optax.chain(
            optax.clip_by_global_norm(config.clip_gradient),
            optax.adamw(learning_rate=schedule, weight_decay=config.weight_decay, b1=config.b1, b2=config.b2, mask=weight_decay_mask),
        )
        return optimizer, {"learning_rate_schedule": schedule}


class OptimizerFactory(object):
    @classmethod
    def get_optimizer(cls, config, weight_decay_mask=None):
        return AdamWOptimizerFactory.get_optimizer(config.adamw_optimizer, weight_decay_mask)
