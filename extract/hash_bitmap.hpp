#pragma once
// A bitmap in front of a hash table: one bit per key, taken from bits of its hash that the table
// does not use for its slot, set for every key the table holds. A lookup whose bit is clear (most
// words of a text are in no list) is answered from a few kilobytes that stay in the first-level
// cache, instead of from a cell of the much larger table.
#include <cstddef>
#include <cstdint>
#include <vector>

namespace extract {

class HashBitmap {
public:
    /// Empties the bitmap and makes it `bits` bits long (a power of two, at least 64).
    void reset(std::size_t bits) {
        words_.assign(bits / 64, 0);
        mask_ = bits - 1;
    }
    /// Sets the bit of `hash_bits` (taken modulo the size).
    void add(std::uint64_t hash_bits) noexcept {
        const std::size_t bit = hash_bits & mask_;
        words_[bit / 64] |= std::uint64_t{1} << (bit % 64);
    }
    /// False when nothing with the same bit was added; true may be a false positive.
    bool may_hold(std::uint64_t hash_bits) const noexcept {
        const std::size_t bit = hash_bits & mask_;
        return (words_[bit / 64] >> (bit % 64)) & 1;
    }

private:
    std::vector<std::uint64_t> words_;
    std::size_t mask_ = 0;
};

}  // namespace extract
