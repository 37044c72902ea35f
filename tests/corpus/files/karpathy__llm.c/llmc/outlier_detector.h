// Stand-in for karpathy/llm.c:llmc/outlier_detector.h - hand-written for the osai-scan corpus, not copied.
// z-score monitor of loss
#include <math.h>
#define WINDOW 128
typedef struct { double buf[WINDOW]; int idx, count; double sum, sumsq; } OutlierDetector;

double outlier_update(OutlierDetector* d, double loss) {   // called once per training step
    if (d->count == WINDOW) { double old = d->buf[d->idx]; d->sum -= old; d->sumsq -= old * old; } else d->count++;
    d->buf[d->idx] = loss; d->idx = (d->idx + 1) % WINDOW; d->sum += loss; d->sumsq += loss * loss;
    double mean = d->sum / d->count, var = d->sumsq / d->count - mean * mean;
    return var > 0 ? (loss - mean) / sqrt(var) : 0.0;
}
