#pragma once
// A table of folded phrases (words joined by one space) for the word lists: one hash probe a
// lookup without building a std::string, and a set of the phrases' proper prefixes so that a
// matcher extending a phrase word by word stops as soon as no listed phrase starts that way
// (most words of a text start none: one probe, not one per possible phrase length).
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace extract {

/// Transparent string hashing: look std::string keys up with a std::string_view.
struct StringHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
};

template <typename T>
class PhraseTable {
public:
    /// Adds a phrase; false (and nothing changed) when it is listed already.
    bool add(const std::string& phrase, T value) {
        if (!entries_.emplace(phrase, std::move(value)).second) return false;
        std::size_t words = 1;
        for (std::size_t space = phrase.find(' '); space != std::string::npos; space = phrase.find(' ', space + 1)) {
            prefixes_.insert(phrase.substr(0, space));
            ++words;
        }
        if (words > longest_) longest_ = words;
        return true;
    }

    /// The entry of a phrase, or nullptr.
    const T* find(std::string_view phrase) const noexcept {
        const auto it = entries_.find(phrase);
        return it == entries_.end() ? nullptr : &it->second;
    }

    /// Mutable access for loaders that fill an entry from several lists; adds a default entry.
    T& entry(const std::string& phrase) {
        if (!find(phrase)) add(phrase, T{});
        return entries_.find(phrase)->second;
    }

    /// True when some listed phrase is longer than `phrase` and starts with it and a space.
    bool is_prefix(std::string_view phrase) const noexcept { return prefixes_.find(phrase) != prefixes_.end(); }

    /// Calls f(phrase, entry) for every phrase, in no particular order.
    template <typename F>
    void for_each(F&& f) const {
        for (const auto& [phrase, entry] : entries_) f(phrase, entry);
    }

    /// Words in the longest phrase (1 for an empty table).
    std::size_t longest() const noexcept { return longest_; }

private:
    std::unordered_map<std::string, T, StringHash, std::equal_to<>> entries_;
    std::unordered_set<std::string, StringHash, std::equal_to<>> prefixes_;
    std::size_t longest_ = 1;
};

}  // namespace extract
