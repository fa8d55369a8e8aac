#pragma once
// The word lists the recogniser reads (extract/data/*.txt): plain files a team can extend
// without recompiling. Loaded once, then shared read-only.
#include <filesystem>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "extract/mention.hpp"

namespace extract {

/// Hash and equality that look std::string keys up by std::string_view without a copy.
struct StringHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
};
using StringSet = std::unordered_set<std::string, StringHash, std::equal_to<>>;
template <typename V>
using StringMap = std::unordered_map<std::string, V, StringHash, std::equal_to<>>;

class Lexicon {
public:
    /// Loads every list from `dir`. Throws gazetteer::InputError naming the file and line for
    /// a missing file or a malformed row.
    static Lexicon load(const std::filesystem::path& dir);

    /// The lists' folder: $GEOEVENTS_LEXICON_DIR, else the source tree's extract/data when it
    /// exists, else the installed share/geoevents/lexicon.
    static std::filesystem::path default_dir();

    // All lookups take folded words (gazetteer::fold_name).
    bool is_person_title(std::string_view w) const { return person_titles_.count(w) > 0; }
    bool is_metonymy_verb(std::string_view w) const { return metonymy_verbs_.count(w) > 0; }
    bool is_auxiliary(std::string_view w) const { return auxiliaries_.count(w) > 0; }
    bool is_historical_cue(std::string_view phrase) const { return historical_cues_.count(phrase) > 0; }
    bool is_locative(std::string_view w) const { return locatives_.count(w) > 0; }
    bool is_time_word(std::string_view w) const { return time_words_.count(w) > 0; }
    bool is_connector(std::string_view w) const { return connectors_.count(w) > 0; }
    bool is_common_word(std::string_view w) const { return common_words_.count(w) > 0; }
    bool is_local_institution(std::string_view w) const { return local_institutions_.count(w) > 0; }
    bool is_given_name(std::string_view w) const { return given_names_.count(w) > 0; }
    bool is_speech_verb(std::string_view w) const { return speech_verbs_.count(w) > 0; }
    Compass compass(std::string_view w) const;
    AdminLevel admin_level(std::string_view w) const;
    /// Whether `w` names a part of a place, and the surroundings it implies.
    bool area_part(std::string_view w, Surroundings& s) const;

private:
    StringSet person_titles_, metonymy_verbs_, auxiliaries_, historical_cues_,
        locatives_, time_words_, connectors_, common_words_, local_institutions_, given_names_, speech_verbs_;
    StringMap<Compass> compass_;
    StringMap<AdminLevel> admin_terms_;
    StringMap<Surroundings> area_parts_;
};

}  // namespace extract
