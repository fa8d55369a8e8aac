#pragma once
// A table of folded phrases (words joined by one space) for the word lists. Matchers extend a
// phrase word by word; each step is one probe of an open-addressing table with a hash carried
// along from the words' own hashes (TextHash), so no word is hashed twice, and the probe answers
// both "is this phrase listed" and "does a longer listed phrase start this way" (most words of a
// text start none: one probe, not one per possible phrase length).
#include <cstddef>
#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extract/hash_bitmap.hpp"

namespace extract {

/// The rolling hash of a text: value = sum of byte[i] * B^(n-1-i) and power = B^n (mod 2^64),
/// so that the hash of "a b" follows from those of "a" and "b" without reading their bytes again.
struct TextHash {
    static constexpr std::uint64_t kBase = 0x100000001b3ULL;
    std::uint64_t value = 0;
    std::uint64_t power = 1;

    static TextHash of(std::string_view s) noexcept {
        TextHash h;
        for (const char c : s) h = h.then(c);
        return h;
    }
    TextHash then(char c) const noexcept { return {value * kBase + static_cast<unsigned char>(c), power * kBase}; }
    TextHash then(const TextHash& next) const noexcept { return {value * next.power + next.value, power * next.power}; }
    /// This text, a space, then `next`: the hash of a phrase one word longer.
    TextHash then_word(const TextHash& next) const noexcept { return then(' ').then(next); }
};

template <typename T>
class PhraseTable {
public:
    /// What a probe finds: the entry of the phrase (if listed) and whether some listed phrase is
    /// longer than it and starts with it and a space.
    struct Slot {
        std::optional<T> value;
        bool prefix = false;
    };

    /// Adds a phrase; false (and nothing changed) when it is listed already.
    bool add(const std::string& phrase, T value) {
        Slot& slot = slot_of(phrase);
        if (slot.value) return false;
        slot.value = std::move(value);
        std::size_t words = 1;
        for (std::size_t space = phrase.find(' '); space != std::string::npos; space = phrase.find(' ', space + 1)) {
            slot_of(phrase.substr(0, space)).prefix = true;
            ++words;
        }
        if (words > longest_) longest_ = words;
        return true;
    }

    /// The slot of `phrase` whose hash is `hash` (TextHash::of(phrase).value), or nullptr when
    /// the phrase is neither listed nor the start of a listed phrase.
    const Slot* probe(std::string_view phrase, std::uint64_t hash) const noexcept {
        const std::uint32_t e = locate(phrase, hash);
        return e == kEmpty ? nullptr : &entries_[e].slot;
    }
    const Slot* probe(std::string_view phrase) const noexcept { return probe(phrase, TextHash::of(phrase).value); }

    /// The entry of a phrase, or nullptr.
    const T* find(std::string_view phrase) const noexcept {
        const Slot* s = probe(phrase);
        return s && s->value ? &*s->value : nullptr;
    }

    /// Mutable access for loaders that fill an entry from several lists; adds a default entry.
    T& entry(const std::string& phrase) {
        if (!find(phrase)) add(phrase, T{});
        return *slot_of(phrase).value;
    }

    /// Calls f(phrase, entry) for every phrase, in no particular order.
    template <typename F>
    void for_each(F&& f) const {
        for (const auto& e : entries_) {
            if (e.slot.value) f(e.phrase, *e.slot.value);
        }
    }

    /// Words in the longest phrase (1 for an empty table).
    std::size_t longest() const noexcept { return longest_; }

private:
    static constexpr std::uint32_t kEmpty = 0xffffffffu;
    struct Cell {
        std::uint64_t hash = 0;
        std::uint32_t entry = kEmpty;
    };
    struct Entry {
        std::string phrase;
        Slot slot;
    };

    // The rolling hash's low bits depend only on the last bytes: mixed before use (MurmurHash3's
    // finaliser).
    static std::uint64_t mix(std::uint64_t h) noexcept {
        h ^= h >> 33;
        h *= 0xff51afd7ed558ccdULL;
        h ^= h >> 33;
        h *= 0xc4ceb9fe1a85ec53ULL;
        h ^= h >> 33;
        return h;
    }

    // The entry of `phrase`, or kEmpty.
    std::uint32_t locate(std::string_view phrase, std::uint64_t hash) const noexcept {
        if (index_.empty()) return kEmpty;
        const std::uint64_t h = mix(hash);
        if (!filter_.may_hold(h >> 32)) return kEmpty;  // high bits: the slot comes from the low ones
        for (std::size_t i = h & mask_;; i = (i + 1) & mask_) {
            const auto& cell = index_[i];
            if (cell.entry == kEmpty || (cell.hash == h && entries_[cell.entry].phrase == phrase)) return cell.entry;
        }
    }

    Slot& slot_of(const std::string& phrase) {
        if (const auto e = locate(phrase, TextHash::of(phrase).value); e != kEmpty) return entries_[e].slot;
        if ((entries_.size() + 1) * 8 > index_.size()) grow();
        entries_.push_back({phrase, Slot{}});
        insert(static_cast<std::uint32_t>(entries_.size() - 1));
        return entries_.back().slot;
    }
    void insert(std::uint32_t entry) {
        const std::uint64_t h = mix(TextHash::of(entries_[entry].phrase).value);
        std::size_t i = h & mask_;
        while (index_[i].entry != kEmpty) i = (i + 1) & mask_;
        index_[i] = {h, entry};
        filter_.add(h >> 32);
    }
    void grow() {
        index_.assign(index_.empty() ? 64 : index_.size() * 2, Cell{});
        mask_ = index_.size() - 1;
        filter_.reset(index_.size() * 2);  // 16 to 32 bits a phrase
        for (std::uint32_t e = 0; e < entries_.size(); ++e) insert(e);
    }

    std::deque<Entry> entries_;  // stable addresses: entry() hands out references
    std::vector<Cell> index_;    // open addressing, linear probing, at most 1/8 full: a miss (most
                                 // words) meets an empty cell at once, a predictable branch
    std::size_t mask_ = 0;
    HashBitmap filter_;  // of the phrases' mixed hashes, 64 times smaller than index_
    std::size_t longest_ = 1;
};

}  // namespace extract
