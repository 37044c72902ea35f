// Stand-in for karpathy/llm.c:llmc/schedulers.h - hand-written for the osai-scan corpus, not copied.
// cosine lr scheduler
#include <math.h>
float get_learning_rate(int step, int warmup, int total, float max_lr, float final_frac) {
    if (step < warmup) return max_lr * (step + 1) / warmup;
    float ratio = (float)(step - warmup) / (float)(total - warmup);
    float coeff = 0.5f * (1.0f + cosf(M_PI * ratio));
    return max_lr * (final_frac + (1.0f - final_frac) * coeff);
}
