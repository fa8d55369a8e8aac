#include <catch2/catch.hpp>

#include <atomic>
#include <stdexcept>

#include <fmt/format.h>

#include "extract/parallel_parse.hpp"
#include "fixtures.hpp"

namespace {

/// A JSON Lines file of `n` short articles with ids d0, d1, ...
std::filesystem::path write_articles(const testing::TempDir& dir, int n) {
    std::string lines;
    for (int i = 0; i < n; ++i) lines += fmt::format("{{\"id\": \"d{}\", \"text\": \"Article number {} of the feed.\"}}\n", i, i);
    const auto path = dir / "feed.jsonl";
    testing::write_file(path, lines);
    return path;
}

}  // namespace

TEST_CASE("process_in_order hands results on in input order on any number of threads", "[extract][parallel]") {
    testing::TempDir dir;
    const auto path = write_articles(dir, 1000);  // several batches, the last one short
    for (const int threads : {1, 2, 3}) {
        INFO(threads);
        extract::DocumentReader reader({path.string()}, {}, {});
        std::vector<std::string> seen;
        extract::process_in_order<std::string>(
            reader, threads, [](const extract::Document& doc) { return doc.id + ":" + std::to_string(doc.text.size()); },
            [&](const extract::Document& doc, std::string& result) {
                CHECK(result.rfind(doc.id + ":", 0) == 0);  // the result of this very document
                seen.push_back(doc.id);
            });
        REQUIRE(seen.size() == 1000);
        for (int i = 0; i < 1000; ++i) CHECK(seen[static_cast<std::size_t>(i)] == fmt::format("d{}", i));
    }
}

TEST_CASE("process_in_order stops on an exception from the work or the sink and rethrows it", "[extract][parallel]") {
    testing::TempDir dir;
    const auto path = write_articles(dir, 1000);
    for (const int threads : {1, 2}) {
        INFO(threads);
        SECTION("from the work") {
            extract::DocumentReader reader({path.string()}, {}, {});
            std::size_t sunk = 0;
            CHECK_THROWS_WITH(extract::process_in_order<int>(
                                  reader, threads,
                                  [](const extract::Document& doc) {
                                      if (doc.id == "d500") throw std::runtime_error("bad article d500");
                                      return 1;
                                  },
                                  [&](const extract::Document&, int&) { ++sunk; }),
                              "bad article d500");
            CHECK(sunk <= 500);
        }
        SECTION("from the sink") {
            extract::DocumentReader reader({path.string()}, {}, {});
            CHECK_THROWS_WITH(extract::process_in_order<int>(
                                  reader, threads, [](const extract::Document&) { return 1; },
                                  [&](const extract::Document& doc, int&) {
                                      if (doc.id == "d300") throw std::runtime_error("disk full at d300");
                                  }),
                              "disk full at d300");
        }
    }
}

TEST_CASE("process_in_order works on the same threads from the first batch to the last", "[extract][parallel]") {
    // What a thread keeps between documents (the geoparser's memo of candidate lists, the
    // allocator's caches) lasts only as long as the thread: no new threads a batch.
    testing::TempDir dir;
    const auto path = write_articles(dir, 2000);  // many batches
    for (const int threads : {2, 3}) {
        INFO(threads);
        static std::atomic<int> started{0};  // threads that ran the work, counted once each
        started = 0;
        extract::DocumentReader reader({path.string()}, {}, {});
        std::size_t sunk = 0;
        extract::process_in_order<int>(
            reader, threads,
            [](const extract::Document&) {
                thread_local bool counted = false;  // a new thread starts uncounted, whatever its id
                if (!counted) {
                    counted = true;
                    ++started;
                }
                return 1;
            },
            [&](const extract::Document&, int& r) { sunk += static_cast<std::size_t>(r); });
        CHECK(sunk == 2000);
        CHECK(started <= threads);
    }
}
