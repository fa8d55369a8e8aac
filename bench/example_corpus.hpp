#pragma once
// The news-like corpus the throughput benchmarks run on, built from the project's own example
// articles (scripts/examples/*.txt): each article an example with its paragraphs after the first
// shuffled, so that the corpus is not one text repeated verbatim.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

namespace bench {

/// The .txt files of `dir`, sorted by content so that runs are reproducible.
inline std::vector<std::string> load_examples(const std::filesystem::path& dir) {
    std::vector<std::string> examples;
    for (const auto& e : std::filesystem::directory_iterator(dir)) {
        if (e.path().extension() != ".txt") continue;
        std::ifstream in(e.path(), std::ios::binary);
        std::ostringstream s;
        s << in.rdbuf();
        examples.push_back(s.str());
    }
    std::sort(examples.begin(), examples.end());
    return examples;
}

/// `base` with its paragraphs (separated by blank lines) after the first in a random order.
inline std::string shuffled_article(const std::string& base, std::mt19937& rng) {
    std::vector<std::string> paragraphs;
    std::size_t pos = 0;
    while (pos < base.size()) {
        const auto next = base.find("\n\n", pos);
        paragraphs.push_back(base.substr(pos, next == std::string::npos ? std::string::npos : next - pos));
        if (next == std::string::npos) break;
        pos = next + 2;
    }
    if (paragraphs.size() > 1) std::shuffle(paragraphs.begin() + 1, paragraphs.end(), rng);
    std::string text;
    for (const auto& p : paragraphs) text += p + "\n\n";
    return text;
}

}  // namespace bench
