// AtomicFile: written under a temporary name, renamed into place only by commit().
#include <catch2/catch.hpp>

#include <string>

#include "fixtures.hpp"
#include "output/atomic_file.hpp"

namespace fs = std::filesystem;

namespace {

// n bytes that differ from piece to piece, so that a piece lost or written twice shows
std::string piece(std::size_t n, std::size_t seed) {
    std::string s(n, '\0');
    for (std::size_t i = 0; i < n; ++i) s[i] = static_cast<char>('a' + (i * 7 + seed * 13) % 26);
    s.back() = '\n';
    return s;
}

std::size_t files_in(const fs::path& dir) {
    std::size_t n = 0;
    for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir)) ++n;
    return n;
}

}  // namespace

TEST_CASE("AtomicFile writes more than its write-back step whole and in order", "[output][atomic_file]") {
    testing::TempDir dir;
    const auto target = dir.path() / "big.jsonl";
    std::string expected;
    {
        output::AtomicFile file(target);
        // pieces of odd sizes, so that the write-back steps fall inside pieces
        for (std::size_t k = 0; expected.size() < 3 * output::AtomicFile::kWritebackBytes + 12345; ++k) {
            const auto p = piece(700'001 + k * 977, k);
            file.write(p);
            expected += p;
        }
        CHECK_FALSE(fs::exists(target));  // nothing under the real name before commit
        file.commit();
    }
    CHECK(fs::file_size(target) == expected.size());
    CHECK(testing::read_file(target) == expected);
    CHECK(files_in(dir.path()) == 1);  // the temporary file was renamed, not copied
}

TEST_CASE("AtomicFile left without commit leaves the old file alone and no temporary file", "[output][atomic_file]") {
    testing::TempDir dir;
    const auto target = dir.path() / "out.jsonl";
    {
        output::AtomicFile first(target);
        first.write("old\n");
        first.commit();
    }
    {
        output::AtomicFile second(target);
        second.write(piece(output::AtomicFile::kWritebackBytes + 1, 3));  // past one write-back step
    }
    CHECK(testing::read_file(target) == "old\n");
    CHECK(files_in(dir.path()) == 1);
}
