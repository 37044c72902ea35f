// Stand-in for ggerganov/llama.cpp:examples/cvector-generator/cvector-generator.cpp - hand-written for the osai-scan corpus, not copied.
// collect hidden states and run PCA to fit control vector
#include <vector>
#include <cmath>
// mean difference of hidden states between positive and negative prompts, one vector per layer
std::vector<float> fit_control_vector(const std::vector<std::vector<float>>& pos,
                                      const std::vector<std::vector<float>>& neg) {
    size_t d = pos[0].size();
    std::vector<float> v(d, 0.0f);
    for (size_t i = 0; i < pos.size(); ++i)
        for (size_t j = 0; j < d; ++j) v[j] += (pos[i][j] - neg[i][j]) / pos.size();
    float norm = 0; for (float x : v) norm += x * x; norm = std::sqrt(norm);
    for (float& x : v) x /= norm;
    return v;   // written to a .gguf control-vector file and applied at inference
}
