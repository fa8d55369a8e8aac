#include "extract/parallel_parse.hpp"

#include <atomic>
#include <exception>
#include <thread>

namespace extract {

void parse_in_order(DocumentReader& reader, const Geoparser& geoparser, int threads, const ParsedSink& sink) {
    const std::size_t workers = threads < 1 ? 1 : static_cast<std::size_t>(threads);
    const std::size_t batch_size = workers == 1 ? 1 : 32 * workers;
    std::vector<Document> docs(batch_size);
    std::vector<std::vector<Mention>> results(batch_size);
    for (;;) {
        std::size_t n = 0;
        while (n < batch_size && reader.next(docs[n])) ++n;
        if (n == 0) return;
        if (workers == 1 || n == 1) {
            for (std::size_t i = 0; i < n; ++i) results[i] = geoparser.parse(docs[i]);
        } else {
            std::atomic<std::size_t> next{0};
            std::exception_ptr error;
            std::atomic<bool> failed{false};
            auto work = [&] {
                try {
                    for (std::size_t i = next++; i < n; i = next++) results[i] = geoparser.parse(docs[i]);
                } catch (...) {
                    if (!failed.exchange(true)) error = std::current_exception();
                }
            };
            std::vector<std::thread> pool;
            for (std::size_t t = 1; t < workers; ++t) pool.emplace_back(work);
            work();
            for (auto& t : pool) t.join();
            if (error) std::rethrow_exception(error);
        }
        for (std::size_t i = 0; i < n; ++i) sink(docs[i], results[i]);
    }
}

}  // namespace extract
