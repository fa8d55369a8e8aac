#pragma once
// Runs per-document work over a stream of documents on N threads, handing results on in input
// order. Memory is bounded by one batch of documents and their results, not by the stream.
#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <exception>
#include <functional>
#include <mutex>
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
/// documents go in batches of 64 per thread to the calling thread and N - 1 helper threads that
/// live for the whole run (so that what a thread keeps between documents, such as the
/// geoparser's per-thread memo and the allocator's caches, lasts). While the helpers start on a
/// batch, the calling thread sinks the batch before and reads the batch after, then joins the
/// work on the current one: reading and sinking overlap the work instead of leaving threads
/// idle. An exception from `work` or `sink` stops the run (each thread finishes its current
/// document first) and is rethrown here.
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
    const std::size_t batch_size = 64 * workers;
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

    // What the calling thread shares with the helpers; the mutex guards the hand-over of a batch
    // (generation, busy, stop) and makes the batch's contents visible across threads.
    std::mutex mutex;
    std::condition_variable start_cv;  // a new batch (or stop) for the helpers
    std::condition_variable done_cv;   // the helpers are done with the batch
    std::uint64_t generation = 0;      // batches handed out so far
    std::size_t busy = 0;              // helpers still working on the current batch
    bool stop = false;
    std::atomic<std::size_t> next{0};  // the current batch's next document to work
    std::atomic<bool> failed{false};
    std::exception_ptr error;  // the first exception from `work`
    const auto run = [&] {
        Batch& b = work_batch;
        try {
            for (std::size_t i = next++; i < b.size && !failed; i = next++) b.results[i] = work(b.docs[i]);
        } catch (...) {
            if (!failed.exchange(true)) error = std::current_exception();
        }
    };
    const auto helper = [&] {
        std::uint64_t seen = 0;
        for (;;) {
            {
                std::unique_lock lock(mutex);
                start_cv.wait(lock, [&] { return stop || generation != seen; });
                if (stop) return;
                seen = generation;
            }
            run();
            std::lock_guard lock(mutex);
            if (--busy == 0) done_cv.notify_one();
        }
    };
    std::vector<std::thread> pool;
    // stops and joins the helpers however this function is left
    struct Stop {
        std::function<void()> f;
        ~Stop() { f(); }
    } const stopper{[&] {
        {
            std::lock_guard lock(mutex);
            stop = true;
        }
        start_cv.notify_all();
        for (auto& t : pool) t.join();
    }};
    for (std::size_t t = 1; t < workers; ++t) pool.emplace_back(helper);

    fill(work_batch);
    while (work_batch.size > 0) {
        {
            std::lock_guard lock(mutex);
            next = 0;
            busy = pool.size();
            ++generation;
        }
        start_cv.notify_all();
        std::exception_ptr own_error;
        try {
            drain(done_batch);  // the batch before, in input order
            fill(done_batch);   // the batch after, into the buffers just sunk
        } catch (...) {
            own_error = std::current_exception();
            failed = true;
        }
        run();  // then the calling thread works on this batch too
        {
            std::unique_lock lock(mutex);
            done_cv.wait(lock, [&] { return busy == 0; });
        }
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
