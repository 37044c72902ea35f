// Stand-in for ggerganov/llama.cpp:examples/imatrix/imatrix.cpp - hand-written for the osai-scan corpus, not copied.
// accumulate activation stats for quantization
#include <vector>
#include <unordered_map>
#include <string>
// accumulate squared activations per weight column while running calibration text through the model
struct ImatrixCollector {
    std::unordered_map<std::string, std::vector<float>> sums;
    std::unordered_map<std::string, int> counts;
    void collect(const std::string& tensor, const float* act, int n) {
        auto& s = sums[tensor]; if (s.empty()) s.resize(n);
        for (int i = 0; i < n; ++i) s[i] += act[i] * act[i];
        counts[tensor]++;
    }
};
