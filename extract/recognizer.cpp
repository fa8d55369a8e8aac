#include "extract/recognizer.hpp"

#include <algorithm>
#include <optional>

#include "gazetteer/fold.hpp"

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

struct Span {
    std::size_t first, last;
    std::vector<gazetteer::Posting> postings;
};

class Recognizer {
public:
    Recognizer(std::string_view text, const std::vector<Token>& tokens, const FoldedTokens& folded,
               const gazetteer::Gazetteer& gazetteer, const Lexicon& lexicon)
        : text_(text), tokens_(tokens), folded_(folded), gaz_(gazetteer), lex_(lexicon) {}

    std::vector<RawMention> run() {
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
        return lex_.is_connector(folded_[i]) && is_word(i + 1) && tok(i + 1).is(Token::hyphen_before) &&
               capitalised(tok(i + 1));
    }

    // The next token of a name after token j: a word joined by a space or hyphen, or after the
    // period of a short abbreviation ("St. Louis"). Returns tokens_.size() when there is none.
    std::size_t next_name_token(std::size_t j) const {
        const std::size_t k = j + 1;
        if (k >= tokens_.size()) return tokens_.size();
        if (tok(k).is(Token::word)) return tok(k).is(Token::newline_before) ? tokens_.size() : k;
        if (is_punct(text_, tok(k), '.') && !tok(k).is(Token::space_before) && folded_[j].size() <= 3 &&
            capitalised(tok(j)) && is_word(k + 1) && tok(k + 1).is(Token::space_before) && capitalised(tok(k + 1))) {
            return k + 1;
        }
        return tokens_.size();
    }

    bool written_as_abbreviation(std::size_t first, std::size_t last) const {
        if (tok(last).is(Token::internal_period) || (first == last && tok(first).is(Token::all_caps))) return true;
        return last + 1 < tokens_.size() && is_punct(text_, tok(last + 1), '.') && !tok(last + 1).is(Token::space_before);
    }

    // The longest run of words from `first` that names a place (after filtering postings).
    std::optional<Span> longest_name(std::size_t first) {
        key_.assign(folded_[first]);
        std::vector<std::pair<std::size_t, gazetteer::KeyMatch>> found;  // (last token, match)
        std::size_t j = first;
        for (std::size_t n = 1;; ++n) {
            const auto match = gaz_.find_folded(key_);
            if (!match.postings.empty()) found.emplace_back(j, match);
            if (!match.is_prefix || n >= kMaxNameTokens) break;
            const auto k = next_name_token(j);
            if (k >= tokens_.size()) break;
            const auto& t = tok(k);
            if (!capitalised(t) && !lex_.is_connector(folded_[k])) break;
            key_.push_back(' ');
            key_.append(folded_[k]);
            j = k;
        }
        for (auto it = found.rbegin(); it != found.rend(); ++it) {
            const std::size_t last = it->first;
            if (!capitalised(tok(last))) continue;  // a name does not end in a connector
            auto postings = usable_postings(it->second.postings, written_as_abbreviation(first, last));
            if (!postings.empty()) return Span{first, last, std::move(postings)};
        }
        return std::nullopt;
    }

    // The word before token i, skipping one period ("Mr. Jordan"); tokens_.size() if none.
    std::size_t previous_word(std::size_t i) const {
        if (i == 0) return tokens_.size();
        std::size_t k = i - 1;
        if (is_punct(text_, tok(k), '.') && k > 0) --k;
        return tok(k).is(Token::word) ? k : tokens_.size();
    }

    bool any_country_or_region(const std::vector<gazetteer::Posting>& postings) const {
        for (const auto p : postings) {
            const auto place = gaz_.place(p.place());
            const auto code = place.feature_code;
            if (code.substr(0, 3) == "PCL" || code == "CONT" || code == "RGN" || code == "TERR") return true;
        }
        return false;
    }

    bool is_place_mention(const Span& s) const {
        const auto& first = tok(s.first);
        const auto& last = tok(s.last);
        const bool single = s.first == s.last;
        const bool in_title = first.is(Token::title_line);
        if (single) {
            const auto w = folded_[s.first];
            if (lex_.is_time_word(w)) return false;
            if (w.size() < 2) return false;
        }
        // A person's title before the name: "Mr. Jordan", "President Chad".
        if (const auto p = previous_word(s.first); p < tokens_.size() && capitalised(tok(p)) && lex_.is_person_title(folded_[p])) {
            return false;
        }
        if (!in_title) {
            // Part of a longer proper name: "Aleppo Army", "Syrian Observatory", "Fateh al-Sham".
            const std::size_t after = s.last + 1;
            if (is_word(after) && capitalised(tok(after)) && !tok(after).is(Token::sentence_start) &&
                !tok(after).is(Token::newline_before)) {
                const auto w = folded_[after];
                Surroundings ignored;
                if (lex_.admin_level(w) == AdminLevel::none && !lex_.area_part(w, ignored)) return false;
            }
            if (s.first > 0 && !first.is(Token::sentence_start) && !first.is(Token::newline_before)) {
                const std::size_t before = s.first - 1;
                if (is_word(before) && capitalised(tok(before)) && !tok(before).is(Token::sentence_start) &&
                    lex_.compass(folded_[before]) == Compass::none) {
                    return false;
                }
            }
        }
        // A common word needs a locative preposition before it and must not start a sentence.
        if (single && lex_.is_common_word(folded_[s.first]) && !any_country_or_region(s.postings)) {
            if (in_title || first.is(Token::sentence_start)) return false;
            const auto p = previous_word(s.first);
            if (p >= tokens_.size() || !lex_.is_locative(folded_[p])) return false;
        }
        (void)last;
        return true;
    }

    std::string_view text_;
    const std::vector<Token>& tokens_;
    const FoldedTokens& folded_;
    const gazetteer::Gazetteer& gaz_;
    const Lexicon& lex_;
    std::string key_;
};

}  // namespace

FoldedTokens fold_tokens(std::string_view text, const std::vector<Token>& tokens) {
    FoldedTokens f;
    f.arena.reserve(text.size());
    f.offset.resize(tokens.size());
    f.length.resize(tokens.size());
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        f.offset[i] = static_cast<std::uint32_t>(f.arena.size());
        if (tokens[i].is(Token::word)) gazetteer::append_folded(tokens[i].text(text), f.arena);
        f.length[i] = static_cast<std::uint32_t>(f.arena.size() - f.offset[i]);
    }
    return f;
}

std::vector<RawMention> recognize(std::string_view text, const std::vector<Token>& tokens, const FoldedTokens& folded,
                                  const gazetteer::Gazetteer& gazetteer, const Lexicon& lexicon) {
    return Recognizer(text, tokens, folded, gazetteer, lexicon).run();
}

}  // namespace extract
