#include "extract/recognizer.hpp"

#include <algorithm>
#include <optional>

#include "gazetteer/fold.hpp"
#include "gazetteer/name_index.hpp"

namespace extract {
namespace {

constexpr std::size_t kMaxNameTokens = 8;

bool capitalised(const Token& t) { return t.is(Token::upper_initial) || t.is(Token::all_caps); }

bool is_punct(std::string_view text, const Token& t, char c) {
    return !t.is(Token::word) && t.end - t.start == 1 && text[t.start] == c;
}

// Which postings a span may keep: codes never match running text; abbreviations only when
// written as such ("Va.", "U.S.", "UAE").
std::vector<gazetteer::Posting> usable_postings(std::span<const gazetteer::Posting> postings, bool written_as_abbreviation) {
    std::vector<gazetteer::Posting> out;
    out.reserve(postings.size());
    for (const auto p : postings) {
        if (p.kind() == gazetteer::MatchKind::code) continue;
        if (p.kind() == gazetteer::MatchKind::abbreviation && !written_as_abbreviation) continue;
        out.push_back(p);
    }
    return out;
}

// A set of word keys (FoldedTokens::key) of one document: open addressing, built in one pass
// (sorting every word of a document cost more than the lookups it served).
class KeySet {
public:
    void reserve(std::size_t n) {
        std::size_t size = 16;
        while (size < 2 * n) size *= 2;
        slots_.assign(size, 0);
        has_zero_ = false;
    }
    void insert(std::uint64_t key) {
        if (key == 0) {  // 0 marks an empty slot
            has_zero_ = true;
            return;
        }
        std::size_t i = slot(key);
        while (slots_[i] != 0 && slots_[i] != key) i = (i + 1) & (slots_.size() - 1);
        slots_[i] = key;
    }
    bool contains(std::uint64_t key) const noexcept {
        if (key == 0) return has_zero_;
        for (std::size_t i = slot(key);; i = (i + 1) & (slots_.size() - 1)) {
            if (slots_[i] == key) return true;
            if (slots_[i] == 0) return false;
        }
    }

private:
    // the keys are FNV-1a hashes: their high bits, spread by a multiply, pick the slot
    std::size_t slot(std::uint64_t key) const noexcept {
        return static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ULL) >> 32) & (slots_.size() - 1);
    }
    std::vector<std::uint64_t> slots_;  // at most half full: reserve() with the most keys
    bool has_zero_ = false;
};

struct Span {
    std::size_t first, last;
    std::vector<gazetteer::Posting> postings;
};

// The Recognizer's working memory, one a thread: kept from document to document (cleared, not
// freed) instead of allocated for each.
struct RecognizerBuffers {
    std::vector<const Lexicon::WordInfo*> word_info;
    KeySet lowercase_words;
    KeySet body_capitalised;
    std::vector<std::uint64_t> name_words;
    std::string key;
    std::vector<std::pair<std::size_t, gazetteer::KeyMatch>> found;  // longest_name(): (last token, match)
};

class Recognizer {
public:
    Recognizer(std::string_view text, const std::vector<Token>& tokens, const FoldedTokens& folded,
               const gazetteer::Gazetteer& gazetteer, const Lexicon& lexicon, RecognizerBuffers& buffers)
        : word_info_(buffers.word_info), lowercase_words_(buffers.lowercase_words),
          body_capitalised_(buffers.body_capitalised), name_words_(buffers.name_words), text_(text), tokens_(tokens),
          folded_(folded), gaz_(gazetteer), lex_(lexicon), key_(buffers.key), found_(buffers.found) {
        name_words_.clear();
    }

    std::vector<RawMention> run() {
        collect_document_evidence();
        std::vector<RawMention> out;
        for (std::size_t i = 0; i < tokens_.size(); ++i) {
            if (!can_start(i)) continue;
            auto span = longest_name(i);
            if (!span) continue;
            const std::size_t last = span->last;
            if (is_place_mention(*span)) {
                out.push_back(RawMention{span->first, span->last, std::move(span->postings)});
            }
            i = last;
        }
        return out;
    }

private:
    const Token& tok(std::size_t i) const { return tokens_[i]; }
    bool is_word(std::size_t i) const { return i < tokens_.size() && tok(i).is(Token::word); }

    bool can_start(std::size_t i) const {
        const auto& t = tok(i);
        if (!t.is(Token::word) || (t.is(Token::has_digit) && !t.is(Token::upper_initial))) return false;
        if (capitalised(t)) return true;
        // an Arabic article before a capitalised name: "al-Kalasseh", "al-Bab"
        const std::size_t next = i + 2;  // after the hyphen
        return next < tokens_.size() && tok(next).is(Token::hyphen_before) && capitalised(tok(next)) &&
               word(i).has(Lexicon::WordInfo::connector);
    }

    // The next token of a name after token j: a word joined by a space or hyphen, or after the
    // period of a short abbreviation ("St. Louis"). Returns tokens_.size() when there is none.
    std::size_t next_name_token(std::size_t j) const {
        const std::size_t k = j + 1;
        if (k >= tokens_.size()) return tokens_.size();
        if (tok(k).is(Token::word)) return tok(k).is(Token::newline_before) ? tokens_.size() : k;
        // across a hyphen: "al-Bab", "Bustan al-Qasr", "Stratford-upon-Avon"
        if (k + 1 < tokens_.size() && tok(k + 1).is(Token::hyphen_before)) return k + 1;
        if (is_punct(text_, tok(k), '.') && !tok(k).is(Token::space_before) && folded_[j].size() <= 3 &&
            capitalised(tok(j)) && is_word(k + 1) && tok(k + 1).is(Token::space_before) && capitalised(tok(k + 1))) {
            return k + 1;
        }
        return tokens_.size();
    }

    // A line written in capitals (a shouted headline): its words are names only by their letters.
    bool in_caps_line(std::size_t i) const {
        std::size_t b = i, e = i;
        while (b > 0 && !tok(b).is(Token::newline_before)) --b;
        while (e + 1 < tokens_.size() && !tok(e + 1).is(Token::newline_before)) ++e;
        int words = 0, caps = 0;
        for (std::size_t k = b; k <= e && words < 40; ++k) {
            if (!tok(k).is(Token::word) || tok(k).end - tok(k).start < 3) continue;
            ++words;
            if (tok(k).is(Token::all_caps)) ++caps;
        }
        return words >= 3 && caps * 10 >= words * 7;
    }

    bool written_as_abbreviation(std::size_t first, std::size_t last) const {
        if (tok(last).is(Token::internal_period) || (first == last && tok(first).is(Token::all_caps))) return true;
        return last + 1 < tokens_.size() && is_punct(text_, tok(last + 1), '.') && !tok(last + 1).is(Token::space_before);
    }

    // The longest run of words from `first` that names a place (after filtering postings).
    std::optional<Span> longest_name(std::size_t first) {
        // the name so far: the first word (a view of it), then words appended to key_
        std::string_view key = folded_[first];
        std::uint64_t key_hash = folded_.key[first];  // the token's hash, extended word by word
        found_.clear();
        std::size_t j = first;
        for (std::size_t n = 1;; ++n) {
            const auto match = gaz_.find_folded(key, key_hash);
            if (!match.postings.empty()) found_.emplace_back(j, match);
            if (!match.is_prefix || n >= kMaxNameTokens) break;
            const auto k = next_name_token(j);
            if (k >= tokens_.size()) break;
            const auto& t = tok(k);
            if (!capitalised(t) && !word(k).has(Lexicon::WordInfo::connector)) break;
            if (n == 1) key_.assign(key);
            key_.push_back(' ');
            key_.append(folded_[k]);
            key = key_;
            key_hash = gazetteer::hash_key_extend_word(key_hash, folded_[k]);
            j = k;
        }
        for (auto it = found_.rbegin(); it != found_.rend(); ++it) {
            const std::size_t last = it->first;
            if (!capitalised(tok(last))) continue;  // a name does not end in a connector
            auto postings = usable_postings(it->second.postings, written_as_abbreviation(first, last));
            if (first == last && tok(first).is(Token::all_caps) && !in_caps_line(first)) {
                // "UN", "SANA", "NATO": an acronym, unless the gazetteer knows it as a short form
                std::erase_if(postings, [](gazetteer::Posting p) {
                    return p.kind() != gazetteer::MatchKind::short_form && p.kind() != gazetteer::MatchKind::abbreviation;
                });
            }
            if (!postings.empty()) return Span{first, last, std::move(postings)};
        }
        return std::nullopt;
    }

    // The word right after token i, also across a hyphen ("Wal-Mart"); tokens_.size() if none.
    std::size_t adjacent_word_after(std::size_t i) const {
        std::size_t k = i + 1;
        if (k < tokens_.size() && !tok(k).is(Token::word) && k + 1 < tokens_.size() && tok(k + 1).is(Token::hyphen_before)) ++k;
        return is_word(k) && !tok(k).is(Token::newline_before) ? k : tokens_.size();
    }
    // The word right before token i, also across a hyphen; tokens_.size() if none.
    std::size_t adjacent_word_before(std::size_t i) const {
        if (i == 0 || tok(i).is(Token::newline_before)) return tokens_.size();
        std::size_t k = i - 1;
        if (tok(i).is(Token::hyphen_before) && !tok(k).is(Token::word) && k > 0) --k;
        return tok(k).is(Token::word) ? k : tokens_.size();
    }

    // A capitalised word that is an ordinary word here: a function word starting a sentence
    // ("In", "The"), or one the document also writes in lower case.
    bool is_ordinary_word(std::size_t i) const {
        return word(i).has(Lexicon::WordInfo::common_word) || lowercase_words_.contains(folded_.key[i]);
    }

    // The word before token i, skipping one period ("Mr. Jordan"); tokens_.size() if none.
    std::size_t previous_word(std::size_t i) const {
        if (i == 0) return tokens_.size();
        std::size_t k = i - 1;
        if (is_punct(text_, tok(k), '.') && k > 0) --k;
        return tok(k).is(Token::word) ? k : tokens_.size();
    }

    bool demonym_only(const std::vector<gazetteer::Posting>& postings) const {
        return std::all_of(postings.begin(), postings.end(),
                           [](gazetteer::Posting p) { return p.kind() == gazetteer::MatchKind::demonym; });
    }

    bool any_country_or_region(const std::vector<gazetteer::Posting>& postings) const {
        for (const auto p : postings) {
            const auto code = gaz_.feature_code(p.place());
            if (code.substr(0, 3) == "PCL" || code == "CONT" || code == "RGN" || code == "TERR") return true;
        }
        return false;
    }

    bool is_arabic_article(std::size_t i) const {
        // al, el, ad, ar, as, ash, at, az, an, ed, es, ez: two letters after "a" or "e", or "ash";
        // asked at most capital-less words, so the length and first letter decide it at once
        const std::string_view f = folded_[i];
        if (f.size() == 3) return f == "ash";
        if (f.size() != 2) return false;
        switch (f[0]) {
            case 'a': return f[1] == 'l' || f[1] == 'd' || f[1] == 'r' || f[1] == 's' || f[1] == 't' || f[1] == 'z' || f[1] == 'n';
            case 'e': return f[1] == 'l' || f[1] == 'd' || f[1] == 's' || f[1] == 'z';
            default: return false;
        }
    }

    // An Arabic article inside a name: lower case, and joined to the capitalised word after it
    // by a hyphen ("al-Qasr"), or "al"/"el" before one ("Khan al Asal") — not the English "as".
    bool is_article_before_name(std::size_t i) const {
        if (capitalised(tok(i)) || !is_arabic_article(i)) return false;
        const auto b = adjacent_word_after(i);
        if (b >= tokens_.size() || !capitalised(tok(b))) return false;
        return tok(b).is(Token::hyphen_before) || folded_[i] == "al" || folded_[i] == "el";
    }

    // A name that the gazetteer knows only in part: "Bustan al-Qasr" (not "Bustan", not "Qasr"),
    // "Khan al-Asal".
    bool continues_longer_name(const Span& s) const {
        if (const auto a = adjacent_word_after(s.last); a < tokens_.size() && is_article_before_name(a)) return true;
        std::size_t article = s.first;
        if (!is_article_before_name(article)) {
            article = adjacent_word_before(s.first);
            if (article >= tokens_.size() || !is_article_before_name(article)) return false;
        }
        const auto b = adjacent_word_before(article);
        return b < tokens_.size() && capitalised(tok(b)) && !tok(article).is(Token::sentence_start);
    }

    // In a Title Case headline every word is capitalised: a lone name there counts when the
    // article names it in its body too, when a locative comes before it, or when it is a country,
    // region, capital or division.
    bool title_word_supported(const Span& s) const {
        if (body_capitalised_.contains(folded_.key[s.first])) return true;
        const auto p = previous_word(s.first);
        if (p < tokens_.size() && word(p).has(Lexicon::WordInfo::locative)) return true;
        for (const auto posting : s.postings) {
            const auto code = gaz_.feature_code(posting.place());
            if (code.substr(0, 3) == "PCL" || code == "CONT" || code == "RGN" || code == "PPLC" || code == "ADM1") return true;
        }
        return false;
    }

    bool is_contraction(std::size_t i) const {
        const auto t = tok(i).text(text_);
        // ' or ’ (U+2019) before the ending
        for (std::string_view suffix : {"'re", "'ve", "'ll", "'d", "'m", "n't", "\u2019re", "\u2019ve", "\u2019ll",
                                        "\u2019d", "\u2019m", "n\u2019t"}) {
            if (t.size() > suffix.size() && t.substr(t.size() - suffix.size()) == suffix) return true;
        }
        return false;
    }

    bool is_place_mention(const Span& s) const {
        const auto& first = tok(s.first);
        const bool single = s.first == s.last;
        const bool in_title = first.is(Token::title_line);
        if (single) {
            const auto w = folded_[s.first];
            const auto& info = word(s.first);
            if (w.size() < 2 || info.has(Lexicon::WordInfo::time_word) || info.has(Lexicon::WordInfo::person_title) ||
                is_contraction(s.first)) {
                return false;
            }
            // a surname met earlier in a longer name ("Bob Jones ... Jones said")
            if (std::find(name_words_.begin(), name_words_.end(), folded_.key[s.first]) != name_words_.end()) return false;
        }
        // A person's title before the name: "Mr. Jordan", "President Chad".
        if (const auto p = previous_word(s.first); p < tokens_.size() && capitalised(tok(p)) && word(p).has(Lexicon::WordInfo::person_title)) {
            return false;
        }
        if (continues_longer_name(s)) return false;
        if (in_title && single && !title_word_supported(s)) return false;
        if (!in_title) {
            // Part of a longer proper name: "Aleppo Army", "Syrian Observatory", "Fateh al-Sham".
            if (const auto a = adjacent_word_after(s.last); a < tokens_.size() && capitalised(tok(a)) &&
                                                            !tok(a).is(Token::sentence_start)) {
                const auto& w = word(a);
                const bool qualifier = w.level != AdminLevel::none || w.has(Lexicon::WordInfo::area_part);
                // "Athens Police Department", "U.S. Attorney": a local institution of the place
                const bool institution = w.has(Lexicon::WordInfo::local_institution) && !demonym_only(s.postings);
                if (!qualifier && !institution) return false;
            }
            if (const auto b = adjacent_word_before(s.first); b < tokens_.size() && capitalised(tok(b)) &&
                                                              !first.is(Token::sentence_start)) {
                const bool ordinary_start = tok(b).is(Token::sentence_start) && is_ordinary_word(b);
                if (!ordinary_start && word(b).compass == Compass::none) return false;
            }
        }
        // A common word needs a locative preposition before it and must not start a sentence.
        if (single && is_ordinary_word(s.first) && !any_country_or_region(s.postings)) {
            if (in_title || first.is(Token::sentence_start)) return false;
            const auto p = previous_word(s.first);
            if (p >= tokens_.size() || !word(p).has(Lexicon::WordInfo::locative)) return false;
        }
        return true;
    }

    // What the whole document says about its words: which it writes in lower case, and which
    // end longer capitalised names (people, organisations) that are not places.
    // What the lexicon says of token i: looked up when first asked, then remembered.
    const Lexicon::WordInfo& word(std::size_t i) const {
        if (!word_info_[i]) word_info_[i] = &lex_.info_by_key(folded_.key[i]);
        return *word_info_[i];
    }

    void collect_document_evidence() {
        word_info_.assign(tokens_.size(), nullptr);
        lowercase_words_.reserve(tokens_.size());
        body_capitalised_.reserve(tokens_.size());
        for (std::size_t i = 0; i < tokens_.size(); ++i) {
            const auto& t = tok(i);
            if (!t.is(Token::word) || t.is(Token::has_digit)) continue;
            if (!t.is(Token::upper_initial) && !t.is(Token::all_caps)) {
                lowercase_words_.insert(folded_.key[i]);
            } else if (!t.is(Token::title_line)) {
                body_capitalised_.insert(folded_.key[i]);
            }
        }
        for (std::size_t i = 0; i < tokens_.size(); ++i) {
            if (!is_word(i) || !tok(i).is(Token::upper_initial) || tok(i).is(Token::title_line)) continue;
            if (tok(i).is(Token::sentence_start) && is_ordinary_word(i)) continue;
            // a run of capitalised words joined by spaces: "Bob Jones", "Texas Department"
            std::size_t j = i;
            for (;;) {
                std::size_t k = j + 1;
                // an initial inside a name: "John A. Smith"
                if (k + 1 < tokens_.size() && tok(j).end - tok(j).start == 1 && is_punct(text_, tok(k), '.')) ++k;
                if (!(is_word(k) && tok(k).is(Token::upper_initial) && tok(k).is(Token::space_before) &&
                      (!tok(k).is(Token::sentence_start) || k != j + 1))) {
                    break;
                }
                j = k;
            }
            // A person: a given name or title first ("Bob Jones", "Mayor Myrtle Figueras"), an
            // initial in the middle ("John A. Smith"), or an age after ("Desmond Clark, 22,").
            const auto p = previous_word(i);
            bool person = word(i).has(Lexicon::WordInfo::given_name) || word(i).has(Lexicon::WordInfo::person_title) ||
                          (p < tokens_.size() && word(p).has(Lexicon::WordInfo::person_title));
            for (std::size_t k = i + 1; k < j && !person; ++k) person = tok(k).end - tok(k).start == 1;
            person = person || (j > i && followed_by_age(j));
            if (j > i && person && !word(j).has(Lexicon::WordInfo::person_title)) name_words_.push_back(folded_.key[j]);
            // A word that speaks ("Clark said") is a person or an organisation, unless a
            // government speaks through its country or capital.
            if (const auto a = adjacent_word_after(j); a < tokens_.size() && word(a).has(Lexicon::WordInfo::speech_verb) &&
                                                     !names_country_or_capital(folded_[j])) {
                name_words_.push_back(folded_.key[j]);
            }
            i = j;
        }
    }

    // ", 22," after a name: an age.
    bool followed_by_age(std::size_t j) const {
        return j + 3 < tokens_.size() && is_punct(text_, tok(j + 1), ',') && tok(j + 2).is(Token::has_digit) &&
               tok(j + 2).end - tok(j + 2).start <= 3 && !tok(j + 3).is(Token::word);
    }

    bool names_country_or_capital(std::string_view folded) const {
        for (const auto p : gaz_.find_folded(folded).postings) {
            const auto code = gaz_.feature_code(p.place());
            if (code.substr(0, 3) == "PCL" || code == "PPLC") return true;
        }
        return false;
    }

    // Sets of words of this document, as hash keys of their folded forms (FoldedTokens::key):
    // name_words_ is a plain list (it stays small).
    std::vector<const Lexicon::WordInfo*>& word_info_;  // mutable through the reference
    KeySet& lowercase_words_;
    KeySet& body_capitalised_;
    std::vector<std::uint64_t>& name_words_;
    std::string_view text_;
    const std::vector<Token>& tokens_;
    const FoldedTokens& folded_;
    const gazetteer::Gazetteer& gaz_;
    const Lexicon& lex_;
    std::string& key_;
    std::vector<std::pair<std::size_t, gazetteer::KeyMatch>>& found_;
};

}  // namespace

std::vector<RawMention> recognize(std::string_view text, const std::vector<Token>& tokens, const FoldedTokens& folded,
                                  const gazetteer::Gazetteer& gazetteer, const Lexicon& lexicon) {
    thread_local RecognizerBuffers buffers;
    return Recognizer(text, tokens, folded, gazetteer, lexicon, buffers).run();
}

}  // namespace extract
