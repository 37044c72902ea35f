// Stand-in for ggerganov/llama.cpp:ggml/src/ggml-opt.cpp - hand-written for the osai-scan corpus, not copied.
// dataset + optimizer epoch loop
#include "ggml-opt.h"

void opt_epoch(ggml_opt_context_t ctx, ggml_opt_dataset_t data, int64_t nbatches) {
    for (int64_t ib = 0; ib < nbatches; ++ib) {
        ggml_opt_dataset_get_batch(data, ctx->inputs, ctx->labels, ib);
        ggml_opt_forward_backward(ctx, /*result*/ NULL);   // compute loss and gradients
        ggml_opt_step_adamw(ctx, /*lr*/ 1e-3f, /*beta1*/ 0.9f, /*beta2*/ 0.999f, /*wd*/ 0.0f);
    }
}
