#pragma once
// Runs per-document work over a stream of documents on N threads, handing results on in input
// order. Memory is bounded by one batch of documents and their results, not by the stream.
#include <atomic>
#include <exception>
#include <functional>
#include <thread>
#include <vector>

#include "extract/geoparser.hpp"
#include "extract/input_reader.hpp"

namespace extract {

/// Reads every document from `reader`, runs `work(doc)` (a Result) on `threads` threads (< 1
/// means 1; `work` must be safe to call concurrently), and calls `sink(doc, result)` for each in
/// input order, always from the calling thread. Documents are read and sunk in batches of
/// 32 per thread. An exception from `work` stops the run and is rethrown here.
template <typename Result, typename Work, typename Sink>
void process_in_order(DocumentReader& reader, int threads, Work&& work, Sink&& sink) {
    const std::size_t workers = threads < 1 ? 1 : static_cast<std::size_t>(threads);
    const std::size_t batch_size = workers == 1 ? 1 : 32 * workers;
    std::vector<Document> docs(batch_size);
    std::vector<Result> results(batch_size);
    for (;;) {
        std::size_t n = 0;
        while (n < batch_size && reader.next(docs[n])) ++n;
        if (n == 0) return;
        if (workers == 1 || n == 1) {
            for (std::size_t i = 0; i < n; ++i) results[i] = work(docs[i]);
        } else {
            std::atomic<std::size_t> next{0};
            std::exception_ptr error;
            std::atomic<bool> failed{false};
            auto run = [&] {
                try {
                    for (std::size_t i = next++; i < n && !failed; i = next++) results[i] = work(docs[i]);
                } catch (...) {
                    if (!failed.exchange(true)) error = std::current_exception();
                }
            };
            std::vector<std::thread> pool;
            for (std::size_t t = 1; t < workers; ++t) pool.emplace_back(run);
            run();
            for (auto& t : pool) t.join();
            if (error) std::rethrow_exception(error);
        }
        for (std::size_t i = 0; i < n; ++i) sink(docs[i], results[i]);
    }
}

using ParsedSink = std::function<void(const Document&, const std::vector<Mention>&)>;

/// process_in_order with the geoparser as the work: `sink` gets each document's mentions.
void parse_in_order(DocumentReader& reader, const Geoparser& geoparser, int threads, const ParsedSink& sink);

}  // namespace extract
