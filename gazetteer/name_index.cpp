#include "gazetteer/name_index.hpp"

#include <algorithm>
#include <bit>
#include <cstring>

#include <fmt/format.h>

#include "gazetteer/error.hpp"

namespace gazetteer {
namespace {

constexpr std::uint64_t kMagic = 0x3158444956454547ULL;  // "GEEVIDX1" little-endian
constexpr std::uint32_t kVersion = 1;
constexpr std::uint32_t kPrefixFlag = 0x80000000u;
constexpr std::size_t kPlaceWords = 7;
constexpr std::size_t kKeyWords = 3;

std::uint64_t pack(std::uint32_t lo, std::uint32_t hi) noexcept {
    return static_cast<std::uint64_t>(lo) | (static_cast<std::uint64_t>(hi) << 32);
}
std::uint32_t lo(std::uint64_t w) noexcept { return static_cast<std::uint32_t>(w); }
std::uint32_t hi(std::uint64_t w) noexcept { return static_cast<std::uint32_t>(w >> 32); }

std::size_t words_for_bytes(std::size_t bytes) noexcept { return (bytes + 7) / 8; }

// Hash buckets for sorting: enough top bits of the hash that a bucket holds about 2,048 items,
// but at most 256 buckets, so that scattering writes to few enough places at once to stay in cache.
int bucket_bits(std::size_t items) noexcept {
    int bits = 0;
    while (bits < 8 && (items >> bits) > 2048) ++bits;
    return bits;
}
std::size_t bucket_count(int bits) noexcept { return std::size_t{1} << bits; }
std::size_t bucket_of(std::uint64_t hash, int bits) noexcept {
    return bits == 0 ? 0 : static_cast<std::size_t>(hash >> (64 - bits));
}

/// Sorts items with a `hash` member whose order is `hash` first: scattered into buckets by the
/// top bits of the hash, then each bucket sorted on its own (in cache).
template <class T, class Less>
void sort_in_hash_buckets(std::vector<T>& items, Less less) {
    const int bits = bucket_bits(items.size());
    std::vector<std::size_t> first(bucket_count(bits) + 1, 0);
    for (const auto& item : items) ++first[bucket_of(item.hash, bits) + 1];
    for (std::size_t b = 1; b < first.size(); ++b) first[b] += first[b - 1];
    std::vector<T> scattered(items.size());
    auto next = first;
    for (auto& item : items) scattered[next[bucket_of(item.hash, bits)]++] = std::move(item);
    for (std::size_t b = 0; b + 1 < first.size(); ++b) {
        std::sort(scattered.begin() + static_cast<std::ptrdiff_t>(first[b]),
                  scattered.begin() + static_cast<std::ptrdiff_t>(first[b + 1]), less);
    }
    items.swap(scattered);
}

}  // namespace

// Word layout of the header; all offsets are in 8-byte words from the start of the blob.
struct NameIndex::Header {
    std::uint64_t magic;
    std::uint64_t version_places;  // version | n_places << 32
    std::uint64_t keys_slots;      // n_keys | n_slots << 32
    std::uint64_t n_postings;
    std::uint64_t strings_bytes;
    std::uint64_t off_places, off_keys, off_slots, off_postings, off_strings;
};
constexpr std::size_t kHeaderWords = sizeof(NameIndex::Header) / 8;

std::uint64_t hash_key_extend(std::uint64_t hash, std::string_view more) noexcept {
    for (unsigned char c : more) hash = hash_key_extend_byte(hash, c);
    return hash;
}

std::uint64_t hash_key(std::string_view key) noexcept { return hash_key_extend(0xcbf29ce484222325ULL, key); }

std::uint32_t NameIndexWriter::add_string(std::string_view s) {
    const auto offset = static_cast<std::uint32_t>(strings_.size());
    if (strings_.size() + s.size() + 1 > 0xFFFFFFFFull) {
        throw GazetteerError("gazetteer too large: name index string pool exceeds 4 GiB");
    }
    strings_.append(s);
    strings_.push_back('\0');
    return offset;
}

void NameIndexWriter::add_place(const PlaceView& p) {
    if (p.index != place_count_) throw GazetteerError("name index: places must be added in order");
    if (place_count_ >= (1u << 29)) throw GazetteerError("gazetteer too large: more than 2^29 places");
    places_.push_back(std::bit_cast<std::uint64_t>(p.latitude));
    places_.push_back(std::bit_cast<std::uint64_t>(p.longitude));
    places_.push_back(static_cast<std::uint64_t>(p.population));
    places_.push_back(pack(add_string(p.place_id), add_string(p.name)));
    places_.push_back(pack(add_string(p.feature_code), add_string(p.country_code)));
    places_.push_back(pack(add_string(p.admin1_code), add_string(p.admin1_name)));
    places_.push_back(pack(add_string(p.admin2_name), add_string(p.feature_class)));
    ++place_count_;
}

void NameIndexWriter::add_name(std::string_view folded, std::uint32_t place, MatchKind kind) {
    if (folded.empty()) return;
    if (names_.size() + folded.size() > 0xFFFFFFFFull) throw GazetteerError("gazetteer too large: names exceed 4 GiB");
    entries_.push_back(NameEntry{hash_key(folded), static_cast<std::uint32_t>(names_.size()),
                                 static_cast<std::uint32_t>(folded.size()), Posting::make(place, kind)});
    names_.append(folded);
}

std::vector<std::uint64_t> NameIndexWriter::finish() {
    // Every distinct name, with its postings, in hash order (equal hashes of different names stay
    // apart: they are ordered by the names themselves). The names are first scattered into
    // buckets by the top bits of their hash, each with its own copy of its names, and each bucket
    // is sorted on its own, within the processor's caches (a 2M-row import's bucket is under
    // 1 MB): the cost per name then grows with the log of a bucket's size, not with cache misses
    // over the whole list.
    std::string arena(names_.size(), '\0');
    {
        // each bucket's names together in `arena`, the entries pointed at them (the same buckets
        // as sort_in_hash_buckets makes of these entries)
        const int bits = bucket_bits(entries_.size());
        std::vector<std::size_t> next_name(bucket_count(bits) + 1, 0);
        for (const auto& e : entries_) next_name[bucket_of(e.hash, bits) + 1] += e.length;
        for (std::size_t b = 1; b < next_name.size(); ++b) next_name[b] += next_name[b - 1];
        for (auto& e : entries_) {
            auto& at = next_name[bucket_of(e.hash, bits)];
            std::memcpy(arena.data() + at, names_.data() + e.offset, e.length);
            e.offset = static_cast<std::uint32_t>(at);
            at += e.length;
        }
    }
    std::string().swap(names_);
    auto name_of = [&arena](const NameEntry& e) { return std::string_view(arena.data() + e.offset, e.length); };
    sort_in_hash_buckets(entries_, [&](const NameEntry& x, const NameEntry& y) {
        if (x.hash != y.hash) return x.hash < y.hash;
        if (const int c = name_of(x).compare(name_of(y)); c != 0) return c < 0;
        return x.posting.raw < y.posting.raw;  // by place, then kind: the strongest kind first
    });
    struct Key {
        std::uint64_t hash;
        std::uint32_t string_offset, length, post_offset, post_count;
        bool prefix;
    };
    std::vector<Key> keys;
    std::vector<Posting> postings;
    postings.reserve(entries_.size());
    struct Prefix {
        std::uint64_t hash;
        std::string_view name;
    };
    std::vector<Prefix> prefixes;
    for (std::size_t i = 0; i < entries_.size();) {
        const auto name = name_of(entries_[i]);
        std::size_t j = i;
        Key key{entries_[i].hash, add_string(name), static_cast<std::uint32_t>(name.size()),
                static_cast<std::uint32_t>(postings.size()), 0, false};
        for (; j < entries_.size() && entries_[j].hash == key.hash && name_of(entries_[j]) == name; ++j) {
            const auto p = entries_[j].posting;
            if (key.post_count > 0 && postings.back().place() == p.place()) continue;  // weaker kind of the same place
            postings.push_back(p);
            ++key.post_count;
        }
        if (key.post_count >= kPrefixFlag) throw GazetteerError("name index: too many places for one name");
        keys.push_back(key);
        for (std::size_t space = name.find(' '); space != std::string_view::npos; space = name.find(' ', space + 1)) {
            prefixes.push_back(Prefix{hash_key(name.substr(0, space)), name.substr(0, space)});
        }
        i = j;
    }
    std::vector<NameEntry>().swap(entries_);
    // Token prefixes of longer names: flag the key when it exists, else add a key without places.
    // Both lists are in (hash, name) order, so one merge pass matches them.
    sort_in_hash_buckets(prefixes, [](const Prefix& a, const Prefix& b) {
        return a.hash != b.hash ? a.hash < b.hash : a.name < b.name;
    });
    prefixes.erase(std::unique(prefixes.begin(), prefixes.end(),
                               [](const Prefix& a, const Prefix& b) { return a.hash == b.hash && a.name == b.name; }),
                   prefixes.end());
    const std::size_t full_keys = keys.size();
    std::size_t at = 0;
    for (const auto& p : prefixes) {
        while (at < full_keys && keys[at].hash < p.hash) ++at;
        bool found = false;
        for (std::size_t k = at; k < full_keys && keys[k].hash == p.hash; ++k) {
            if (std::string_view(strings_.data() + keys[k].string_offset, keys[k].length) == p.name) {
                keys[k].prefix = true;
                found = true;
                break;
            }
        }
        if (!found) {
            keys.push_back(Key{p.hash, add_string(p.name), static_cast<std::uint32_t>(p.name.size()),
                               static_cast<std::uint32_t>(postings.size()), 0, true});
        }
    }
    std::vector<Prefix>().swap(prefixes);
    std::string().swap(arena);

    const auto n_keys = static_cast<std::uint32_t>(keys.size());
    std::uint32_t n_slots = 16;
    while (n_slots < 2ull * n_keys) n_slots *= 2;
    std::vector<std::uint32_t> slots(n_slots, 0);
    std::vector<std::uint64_t> key_words;
    key_words.reserve(std::size_t{n_keys} * kKeyWords);
    for (const auto& key : keys) {
        key_words.push_back(key.hash);
        key_words.push_back(pack(key.string_offset, key.length));
        key_words.push_back(pack(key.post_offset, key.post_count | (key.prefix ? kPrefixFlag : 0u)));
    }
    // Keys go into their home slots (the low bits of the hash) a region of the table at a time,
    // so that the writes stay in cache; linear probing finds each key whatever the order of insertion.
    {
        const int region_bits = std::min(8, std::countr_zero(n_slots));
        const int shift = std::countr_zero(n_slots) - region_bits;
        std::vector<std::uint32_t> first(bucket_count(region_bits) + 1, 0);
        auto region = [&](std::uint64_t hash) { return (static_cast<std::uint32_t>(hash) & (n_slots - 1)) >> shift; };
        for (const auto& key : keys) ++first[region(key.hash) + 1];
        for (std::size_t r = 1; r < first.size(); ++r) first[r] += first[r - 1];
        std::vector<std::uint32_t> by_region(n_keys);
        for (std::uint32_t k = 0; k < n_keys; ++k) by_region[first[region(keys[k].hash)]++] = k;
        for (const std::uint32_t k : by_region) {
            std::uint32_t s = static_cast<std::uint32_t>(keys[k].hash) & (n_slots - 1);
            while (slots[s] != 0) s = (s + 1) & (n_slots - 1);
            slots[s] = k + 1;
        }
    }
    NameIndex::Header h{};
    h.magic = kMagic;
    h.version_places = pack(kVersion, place_count_);
    h.keys_slots = pack(n_keys, n_slots);
    h.n_postings = postings.size();
    h.strings_bytes = strings_.size();
    h.off_places = kHeaderWords;
    h.off_keys = h.off_places + places_.size();
    h.off_slots = h.off_keys + key_words.size();
    h.off_postings = h.off_slots + words_for_bytes(slots.size() * 4);
    h.off_strings = h.off_postings + words_for_bytes(postings.size() * 4);
    std::vector<std::uint64_t> blob(h.off_strings + words_for_bytes(strings_.size()), 0);
    std::memcpy(blob.data(), &h, sizeof h);
    std::memcpy(blob.data() + h.off_places, places_.data(), places_.size() * 8);
    std::memcpy(blob.data() + h.off_keys, key_words.data(), key_words.size() * 8);
    std::memcpy(blob.data() + h.off_slots, slots.data(), slots.size() * 4);
    std::memcpy(blob.data() + h.off_postings, postings.data(), postings.size() * 4);
    std::memcpy(blob.data() + h.off_strings, strings_.data(), strings_.size());
    return blob;
}

NameIndex::NameIndex(std::span<const std::uint64_t> blob) : base_(blob.data()), words_(blob.size()) {
    if (blob.size() < kHeaderWords) throw GazetteerError("name index: truncated header");
    header_ = reinterpret_cast<const Header*>(blob.data());
    const auto& h = *header_;
    if (h.magic != kMagic) throw GazetteerError("name index: not a geoevents name index");
    if (lo(h.version_places) != kVersion) {
        throw GazetteerError(fmt::format("name index: format version {} (this program reads {})",
                                         lo(h.version_places), kVersion));
    }
    const auto n_slots = hi(h.keys_slots);
    const bool ok = n_slots > 0 && (n_slots & (n_slots - 1)) == 0 &&
                    h.off_places == kHeaderWords &&
                    h.off_keys == h.off_places + std::uint64_t{place_count()} * kPlaceWords &&
                    h.off_slots == h.off_keys + std::uint64_t{key_count()} * kKeyWords &&
                    h.off_postings == h.off_slots + words_for_bytes(std::uint64_t{n_slots} * 4) &&
                    h.off_strings == h.off_postings + words_for_bytes(h.n_postings * 4) &&
                    blob.size() == h.off_strings + words_for_bytes(h.strings_bytes);
    if (!ok) throw GazetteerError("name index: sections do not match the blob's size (corrupt?)");
}

std::uint32_t NameIndex::place_count() const noexcept { return header_ ? hi(header_->version_places) : 0; }
std::uint32_t NameIndex::key_count() const noexcept { return header_ ? lo(header_->keys_slots) : 0; }
std::uint64_t NameIndex::posting_count() const noexcept { return header_ ? header_->n_postings : 0; }

KeyMatch NameIndex::find(std::string_view folded) const noexcept { return find(folded, hash_key(folded)); }

KeyMatch NameIndex::find(std::string_view folded, std::uint64_t h) const noexcept {
    if (!header_ || folded.empty()) return {};
    const auto mask = hi(header_->keys_slots) - 1;
    const auto* slots = reinterpret_cast<const std::uint32_t*>(base_ + header_->off_slots);
    const auto* keys = base_ + header_->off_keys;
    const auto* strings = reinterpret_cast<const char*>(base_ + header_->off_strings);
    for (std::uint32_t s = static_cast<std::uint32_t>(h) & mask;; s = (s + 1) & mask) {
        const auto k = slots[s];
        if (k == 0) return {};
        const auto* key = keys + std::size_t{k - 1} * kKeyWords;
        if (key[0] != h || hi(key[1]) != folded.size() ||
            std::memcmp(strings + lo(key[1]), folded.data(), folded.size()) != 0) {
            continue;
        }
        const auto* postings = reinterpret_cast<const Posting*>(base_ + header_->off_postings);
        const auto count = hi(key[2]) & ~kPrefixFlag;
        return KeyMatch{std::span<const Posting>(postings + lo(key[2]), count),
                        (hi(key[2]) & kPrefixFlag) != 0};
    }
}

std::string_view NameIndex::feature_code(std::uint32_t index) const noexcept {
    const auto* w = base_ + header_->off_places + std::size_t{index} * kPlaceWords;
    return std::string_view(reinterpret_cast<const char*>(base_ + header_->off_strings) + lo(w[4]));
}

PlaceView NameIndex::place(std::uint32_t index) const noexcept {
    const auto* w = base_ + header_->off_places + std::size_t{index} * kPlaceWords;
    const auto* strings = reinterpret_cast<const char*>(base_ + header_->off_strings);
    auto str = [strings](std::uint32_t off) { return std::string_view(strings + off); };
    PlaceView p;
    p.index = index;
    p.latitude = std::bit_cast<double>(w[0]);
    p.longitude = std::bit_cast<double>(w[1]);
    p.population = static_cast<std::int64_t>(w[2]);
    p.place_id = str(lo(w[3]));
    p.name = str(hi(w[3]));
    p.feature_code = str(lo(w[4]));
    p.country_code = str(hi(w[4]));
    p.admin1_code = str(lo(w[5]));
    p.admin1_name = str(hi(w[5]));
    p.admin2_name = str(lo(w[6]));
    p.feature_class = str(hi(w[6]));
    return p;
}

}  // namespace gazetteer
