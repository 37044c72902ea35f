// Stand-in for karpathy/llm.c:dev/cuda/attention_backward.cu - hand-written for the osai-scan corpus, not copied.
// attention backward gradient kernel
__global__ void softmax_attention_backward(float* dpreatt, const float* datt, const float* att, int T) {
    int t = blockIdx.x, t2 = threadIdx.x;
    if (t2 > t) return;
    float acc = 0.0f;
    for (int t3 = 0; t3 <= t; t3++) {
        float indicator = (t2 == t3) ? 1.0f : 0.0f;
        acc += att[t * T + t3] * (indicator - att[t * T + t2]) * datt[t * T + t3];
    }
    dpreatt[t * T + t2] = acc;   // gradient flowing back to the pre-softmax scores
}
