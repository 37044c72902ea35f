// Stand-in for ggerganov/llama.cpp:tests/test-opt.cpp - hand-written for the osai-scan corpus, not copied.
// fit a parameter with the optimizer and assert convergence
#include <assert.h>
#include <math.h>
int main(void) {
    float w = 0.0f, target = 3.0f, lr = 0.1f;
    for (int step = 0; step < 200; ++step) {
        float loss_grad = 2.0f * (w - target);   // d/dw of (w - target)^2
        w -= lr * loss_grad;                     // optimizer step
    }
    assert(fabsf(w - target) < 1e-3f);
    return 0;
}
