#include "extract/sentence_words.hpp"

#include "extract/token.hpp"

namespace extract {

void split_sentences(std::string_view text, const TokenizedText& tokenized, std::vector<Word>& words,
                     std::vector<Sentence>& sentences) {
    const auto& tokens = tokenized.tokens;
    words.reserve(words.size() + tokens.size());  // at most a word a token: no growing by copies
    bool pending_break = false;
    for (std::size_t k = 0; k < tokens.size(); ++k) {
        const auto& t = tokens[k];
        const bool starts = k == 0 || (t.is(Token::sentence_start) && (t.is(Token::space_before) || t.is(Token::newline_before)));
        if (starts) {
            if (!sentences.empty()) {
                sentences.back().end = tokens[k - 1].end;
                sentences.back().limit = t.start;
                sentences.back().last_word = words.size();
            }
            Sentence s;
            s.begin = t.start;
            s.first_word = words.size();
            sentences.push_back(s);
            pending_break = true;
        }
        if (!t.is(Token::word)) {
            pending_break = true;
            continue;
        }
        Word w;
        w.folded = tokenized.folded[k];
        w.hash = tokenized.folded.phrase_hash[k];
        w.start = t.start;
        w.end = t.end;
        w.break_before = pending_break && !(t.is(Token::hyphen_before) && !starts);
        words.push_back(std::move(w));
        pending_break = false;
    }
    if (!sentences.empty()) {
        sentences.back().end = tokens.back().end;
        sentences.back().limit = text.size();
        sentences.back().last_word = words.size();
    }
}

}  // namespace extract
