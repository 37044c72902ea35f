// Stand-in for karpathy/llm.c:llmc/adamw.cuh - hand-written for the osai-scan corpus, not copied.
// adamw update kernel
__global__ void adamw_update(float* params, const float* grads, float* m, float* v, int n,
                             float lr, float beta1, float beta2, float eps, float wd, int t) {
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i >= n) return;
    m[i] = beta1 * m[i] + (1.0f - beta1) * grads[i];
    v[i] = beta2 * v[i] + (1.0f - beta2) * grads[i] * grads[i];
    float mhat = m[i] / (1.0f - powf(beta1, t));
    float vhat = v[i] / (1.0f - powf(beta2, t));
    params[i] -= lr * (mhat / (sqrtf(vhat) + eps) + wd * params[i]);
}
