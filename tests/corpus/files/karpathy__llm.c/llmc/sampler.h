// Stand-in for karpathy/llm.c:llmc/sampler.h - hand-written for the osai-scan corpus, not copied.
// sample token from probabilities
int sample_mult(const float* probs, int n, float coin) {
    float cdf = 0.0f;
    for (int i = 0; i < n; i++) {
        cdf += probs[i];
        if (coin < cdf) return i;
    }
    return n - 1;
}
