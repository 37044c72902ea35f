// Stand-in for karpathy/llm.c:llmc/dataloader.h - hand-written for the osai-scan corpus, not copied.
// token shard reader for training batches
#include <stdio.h>
#include <stdint.h>
typedef struct { FILE* f; int B, T; uint16_t* buf; int* inputs; int* targets; } DataLoader;

void dataloader_next_batch(DataLoader* dl) {
    size_t n = (size_t)dl->B * dl->T + 1;
    if (fread(dl->buf, sizeof(uint16_t), n, dl->f) != n) { rewind(dl->f); fread(dl->buf, sizeof(uint16_t), n, dl->f); }
    for (size_t i = 0; i < n - 1; i++) { dl->inputs[i] = dl->buf[i]; dl->targets[i] = dl->buf[i + 1]; }
    fseek(dl->f, -(long)sizeof(uint16_t), SEEK_CUR);  // next batch overlaps by one token
}
