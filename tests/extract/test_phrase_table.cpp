#include <catch2/catch.hpp>

#include <string>

#include "extract/hash_bitmap.hpp"
#include "extract/phrase_table.hpp"

using extract::PhraseTable;
using extract::TextHash;

namespace {
// "w<n>" and, for every third n, the two-word phrase "w<n> x<n>": distinct made-up words.
std::string word(int n) { return "w" + std::to_string(n); }
std::string phrase(int n) { return word(n) + " x" + std::to_string(n); }
}  // namespace

TEST_CASE("a phrase table finds every phrase it holds, through its growths, and nothing else", "[extract][phrase_table]") {
    PhraseTable<int> table;
    constexpr int kWords = 3000;  // the table (and its filter) grows many times on the way
    for (int n = 0; n < kWords; ++n) {
        REQUIRE(table.add(word(n), n));
        if (n % 3 == 0) REQUIRE(table.add(phrase(n), -n));
    }
    CHECK_FALSE(table.add(word(7), 1));  // listed already: kept as it was
    CHECK(table.longest() == 2);
    int found = 0, phrases = 0, absent_found = 0;
    for (int n = 0; n < kWords; ++n) {
        const int* v = table.find(word(n));
        if (v && *v == n) ++found;
        const auto* slot = table.probe(word(n), TextHash::of(word(n)).value);
        REQUIRE(slot != nullptr);
        CHECK(slot->prefix == (n % 3 == 0));  // "w<n>" starts "w<n> x<n>" for every third n
        if (n % 3 == 0) {
            const int* p = table.find(phrase(n));
            if (p && *p == -n) ++phrases;
        }
        // words and phrases that were never added
        if (table.find("v" + std::to_string(n)) || table.find(word(n) + " y") || table.probe(word(n + kWords))) ++absent_found;
    }
    CHECK(found == kWords);
    CHECK(phrases == kWords / 3);
    CHECK(absent_found == 0);
    SECTION("a phrase's hash follows from its words' hashes") {
        CHECK(TextHash::of("w1").then_word(TextHash::of("x1")).value == TextHash::of("w1 x1").value);
        CHECK(table.probe("w3 x3", TextHash::of("w3").then_word(TextHash::of("x3")).value) != nullptr);
    }
}

TEST_CASE("an empty phrase table finds nothing", "[extract][phrase_table]") {
    const PhraseTable<int> table;
    CHECK(table.find("anything") == nullptr);
    CHECK(table.probe("") == nullptr);
    CHECK(table.longest() == 1);
}

TEST_CASE("a hash bitmap holds the bits added, modulo its size, and nothing else", "[extract][phrase_table]") {
    extract::HashBitmap bitmap;
    bitmap.reset(1024);
    for (std::uint64_t b : {0u, 63u, 64u, 511u, 1023u}) bitmap.add(b);
    bitmap.add(1024 + 7);  // taken modulo the size: bit 7
    int set = 0;
    for (std::uint64_t b = 0; b < 1024; ++b) set += bitmap.may_hold(b) ? 1 : 0;
    CHECK(set == 6);
    for (std::uint64_t b : {0u, 7u, 63u, 64u, 511u, 1023u}) CHECK(bitmap.may_hold(b));
    CHECK(bitmap.may_hold(2048 + 63));  // the same bit
    CHECK_FALSE(bitmap.may_hold(1));
    CHECK_FALSE(bitmap.may_hold(65));
    bitmap.reset(64);  // emptied
    CHECK_FALSE(bitmap.may_hold(0));
}
