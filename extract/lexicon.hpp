#pragma once
// The word lists the recogniser reads (extract/data/*.txt): plain files a team can extend
// without recompiling. Loaded once, then shared read-only.
#include <filesystem>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>
#include <cstdint>

#include "extract/hash_bitmap.hpp"
#include "extract/mention.hpp"
#include "extract/token.hpp"

namespace extract {

class Lexicon {
public:
    /// Loads every list from `dir`. Throws gazetteer::InputError naming the file and line for
    /// a missing file or a malformed row.
    static Lexicon load(const std::filesystem::path& dir);

    /// The lists' folder: $GEOEVENTS_LEXICON_DIR, else the source tree's extract/data when it
    /// exists, else the installed share/geoevents/lexicon.
    static std::filesystem::path default_dir();

    /// Everything the lists say about one folded word or phrase.
    struct WordInfo {
        enum Flag : std::uint32_t {
            person_title = 1u << 0, metonymy_verb = 1u << 1, auxiliary = 1u << 2, historical_cue = 1u << 3,
            locative = 1u << 4, time_word = 1u << 5, connector = 1u << 6, common_word = 1u << 7,
            local_institution = 1u << 8, given_name = 1u << 9, speech_verb = 1u << 10, area_part = 1u << 11,
        };
        std::uint32_t flags = 0;
        Compass compass = Compass::none;
        AdminLevel level = AdminLevel::none;
        Surroundings surroundings = Surroundings::none;  ///< for area parts
        bool has(Flag f) const noexcept { return (flags & f) != 0; }
    };

    /// One hash probe per word (keys are gazetteer::hash_key of the folded form: 64 bits, so
    /// two list entries colliding is not a practical concern).
    const WordInfo& info(std::string_view folded) const noexcept;
    /// The same, given gazetteer::hash_key(folded).
    const WordInfo& info_by_key(std::uint64_t key) const noexcept;
    /// The same for token i of a document, by its key (FoldedTokens::key): no hashing again.
    const WordInfo& info(const FoldedTokens& folded, std::size_t i) const noexcept { return info_by_key(folded.key[i]); }

    // All lookups take folded words (gazetteer::fold_name).
    /// Whether `w` names a part of a place, and the surroundings it implies.
    bool area_part(std::string_view w, Surroundings& s) const {
        const auto& i = info(w);
        s = i.surroundings;
        return i.has(WordInfo::area_part);
    }

private:
    WordInfo& entry(std::string_view folded);
    void index();  // fills table_ from words_

    struct Cell {
        std::uint64_t key = 0;
        bool used = false;
        WordInfo info;
    };
    std::unordered_map<std::uint64_t, WordInfo> words_;  // while loading
    std::vector<Cell> table_;  // open addressing by Fibonacci hashing, at most a quarter full
    int shift_ = 64;
    HashBitmap filter_;  // of the words' keys, in front of table_
};

}  // namespace extract
