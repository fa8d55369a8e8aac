#pragma once
// The lookup structure a gazetteer is read through: every place as a fixed-size record and every
// folded name as a key of an open-addressing hash table, with the places it names. It is built
// once at the end of `gazetteer build`, stored as one BLOB in the database, and loaded (or later
// memory-mapped) whole, so that opening takes one read and a lookup is one hash probe.
//
// Keys also mark the token prefixes of longer names ("new" for "new york"): a recogniser extends
// a run of words only while the run so far is such a prefix.
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "gazetteer/match_kind.hpp"

namespace gazetteer {

/// One place a key names, and how.
struct Posting {
    std::uint32_t raw = 0;
    std::uint32_t place() const noexcept { return raw >> 3; }
    MatchKind kind() const noexcept { return static_cast<MatchKind>(raw & 7u); }
    static Posting make(std::uint32_t place, MatchKind kind) noexcept {
        return Posting{(place << 3) | static_cast<std::uint32_t>(kind)};
    }
};

/// What the index keeps of a place: enough to rank candidates and print them.
struct PlaceView {
    std::uint32_t index = 0;  ///< dense place number (the database's pid)
    std::string_view place_id;
    std::string_view name;
    std::string_view feature_class;
    std::string_view feature_code;
    std::string_view country_code;
    std::string_view admin1_code;
    std::string_view admin1_name;
    std::string_view admin2_name;
    std::int64_t population = 0;
    double latitude = 0.0;
    double longitude = 0.0;
};

/// Result of probing the table with a folded key.
struct KeyMatch {
    std::span<const Posting> postings;  ///< empty when the key is only a prefix or absent
    bool is_prefix = false;             ///< some longer name starts with this key and a space
};

/// 64-bit FNV-1a: stable across builds and machines (the table is stored on disk).
std::uint64_t hash_key(std::string_view key) noexcept;
/// The hash of a key followed by `more`, from the key's hash: hash_key(a + b) ==
/// hash_key_extend(hash_key(a), b), so that a name grown a word at a time is not hashed again.
std::uint64_t hash_key_extend(std::uint64_t hash, std::string_view more) noexcept;
/// hash_key_extend() by one byte, inline for loops that fold and hash at once.
inline std::uint64_t hash_key_extend_byte(std::uint64_t hash, unsigned char c) noexcept {
    return (hash ^ c) * 0x100000001b3ULL;
}
/// The hash of a phrase one word longer: hash_key(a + " " + word) from hash_key(a).
inline std::uint64_t hash_key_extend_word(std::uint64_t hash, std::string_view word) noexcept {
    return hash_key_extend(hash_key_extend_byte(hash, ' '), word);
}

/// Builds the serialised index. Add places in index order and names in any order, then
/// finish() once. Memory is about 24 bytes per name plus the folded names themselves; finish()
/// sorts the names once (O(n log n)), so building stays close to linear in the input.
class NameIndexWriter {
public:
    void add_place(const PlaceView& place);  ///< place.index must equal the number added before
    /// Adds one folded name of a place. Several names of one place under one key are merged,
    /// keeping the strongest (lowest) kind.
    void add_name(std::string_view folded, std::uint32_t place, MatchKind kind);
    std::vector<std::uint64_t> finish();  ///< the blob, as 8-byte words

private:
    std::uint32_t add_string(std::string_view s);
    struct NameEntry {
        std::uint64_t hash;
        std::uint32_t offset;  // into names_
        std::uint32_t length;
        Posting posting;
    };
    std::vector<std::uint64_t> places_;  // PlaceRec words
    std::string strings_;
    std::vector<NameEntry> entries_;
    std::string names_;  // folded names as added
    std::uint32_t place_count_ = 0;
};

/// Read-only view over a serialised index. Thread-safe; does not own the memory.
class NameIndex {
public:
    NameIndex() = default;
    /// Checks the header and section bounds; throws GazetteerError when the blob is not a valid
    /// index of this version.
    explicit NameIndex(std::span<const std::uint64_t> blob);

    KeyMatch find(std::string_view folded) const noexcept;
    /// The same, with `hash` == hash_key(folded) already known.
    KeyMatch find(std::string_view folded, std::uint64_t hash) const noexcept;
    PlaceView place(std::uint32_t index) const noexcept;
    /// place(index).feature_code alone (for the many questions that need no more).
    std::string_view feature_code(std::uint32_t index) const noexcept;
    std::uint32_t place_count() const noexcept;
    std::uint32_t key_count() const noexcept;
    std::uint64_t posting_count() const noexcept;

    struct Header;  ///< layout of the blob's first words (name_index.cpp)

private:
    const Header* header_ = nullptr;
    const std::uint64_t* base_ = nullptr;
    std::size_t words_ = 0;
};

}  // namespace gazetteer
