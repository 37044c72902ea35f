// Stand-in for ggerganov/llama.cpp:ggml/include/ggml-opt.h - hand-written for the osai-scan corpus, not copied.
// optimizer/training API declarations
#pragma once
#include <stdint.h>
typedef struct ggml_opt_dataset * ggml_opt_dataset_t;
typedef struct ggml_opt_context * ggml_opt_context_t;
enum ggml_opt_loss_type { GGML_OPT_LOSS_TYPE_MEAN, GGML_OPT_LOSS_TYPE_CROSS_ENTROPY, GGML_OPT_LOSS_TYPE_MSE };
ggml_opt_dataset_t ggml_opt_dataset_init(int64_t ne_datapoint, int64_t ne_label, int64_t ndata);
void ggml_opt_forward_backward(ggml_opt_context_t opt_ctx, void * result);
void ggml_opt_step_adamw(ggml_opt_context_t opt_ctx, float lr, float beta1, float beta2, float wd);
void ggml_opt_epoch(ggml_opt_context_t opt_ctx, ggml_opt_dataset_t dataset, int64_t nbatches);
