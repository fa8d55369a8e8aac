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
/// input order, always from the calling thread. Memory is two batches of documents and results.
///
/// With one thread everything runs on the calling thread, one document at a time. With N > 1,
/// documents go in batches of 32 per thread to N worker threads, and while they work on one
/// batch the calling thread sinks the batch before and reads the next: reading and sinking
/// overlap the work instead of leaving the workers idle. An exception from `work` or `sink`
/// stops the run (the workers finish their current document first) and is rethrown here.
template <typename Result, typename Work, typename Sink>
void process_in_order(DocumentReader& reader, int threads, Work&& work, Sink&& sink) {
    const std::size_t workers = threads < 1 ? 1 : static_cast<std::size_t>(threads);
    if (workers == 1) {
        Document doc;
        Result result;
        while (reader.next(doc)) {
            result = work(doc);
            sink(doc, result);
        }
        return;
    }
    const std::size_t batch_size = 32 * workers;
    struct Batch {
        std::vector<Document> docs;
        std::vector<Result> results;
        std::size_t size = 0;
    };
    Batch work_batch;  // read, to be worked
    Batch done_batch;  // worked, to be sunk
    for (auto* b : {&work_batch, &done_batch}) {
        b->docs.resize(batch_size);
        b->results.resize(batch_size);
    }
    const auto fill = [&](Batch& b) {
        b.size = 0;
        while (b.size < batch_size && reader.next(b.docs[b.size])) ++b.size;
    };
    const auto drain = [&](Batch& b) {
        for (std::size_t i = 0; i < b.size; ++i) sink(b.docs[i], b.results[i]);
        b.size = 0;
    };
    fill(work_batch);
    while (work_batch.size > 0) {
        Batch& b = work_batch;
        std::atomic<std::size_t> next{0};
        std::atomic<bool> failed{false};
        std::exception_ptr error;
        auto run = [&] {
            try {
                for (std::size_t i = next++; i < b.size && !failed; i = next++) b.results[i] = work(b.docs[i]);
            } catch (...) {
                if (!failed.exchange(true)) error = std::current_exception();
            }
        };
        std::vector<std::thread> pool;
        for (std::size_t t = 0; t < workers; ++t) pool.emplace_back(run);
        std::exception_ptr own_error;
        try {
            drain(done_batch);  // the batch before, in input order
            fill(done_batch);   // the batch after, into the buffers just sunk
        } catch (...) {
            own_error = std::current_exception();
            failed = true;
        }
        for (auto& t : pool) t.join();
        if (own_error) std::rethrow_exception(own_error);
        if (error) std::rethrow_exception(error);
        std::swap(work_batch, done_batch);  // the batch after is next to work; the one worked waits for its sink
    }
    drain(done_batch);
}

using ParsedSink = std::function<void(const Document&, const std::vector<Mention>&)>;

/// process_in_order with the geoparser as the work: `sink` gets each document's mentions.
void parse_in_order(DocumentReader& reader, const Geoparser& geoparser, int threads, const ParsedSink& sink);

}  // namespace extract
