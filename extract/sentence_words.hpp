#pragma once
// The words and sentences of an article as the event extractor reads them: folded words with
// their byte offsets, sentences as ranges of words, and phrases of a list found among them.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "extract/phrase_table.hpp"
#include "extract/token.hpp"

namespace extract {

/// A word of the text, folded (gazetteer::fold_name).
struct Word {
    std::string_view folded;  // into the TokenizedText's arena
    TextHash hash;  // of folded
    std::size_t start = 0;  // byte offsets into the text
    std::size_t end = 0;
    bool break_before = false;  // punctuation (other than a joining hyphen) since the previous word
};

/// A sentence: the words [first_word, last_word) and its byte range.
struct Sentence {
    std::size_t begin = 0;  // bytes: first token's start
    std::size_t end = 0;    // bytes: last token's end
    std::size_t limit = 0;  // bytes: where the next sentence starts (mentions up to here belong)
    std::size_t first_word = 0;  // words [first_word, last_word)
    std::size_t last_word = 0;
};

/// Splits `text` (tokenized: tokenize_and_fold(text)) into words and sentences, at tokens
/// flagged sentence_start (extract::tokenize: after '.', '!' or '?', and at every line break)
/// that follow white space, so "1.5" stays whole. Abbreviations such as "Mr." end a sentence.
/// The words view `tokenized`'s folded forms: it must outlive them.
void split_sentences(std::string_view text, const TokenizedText& tokenized, std::vector<Word>& words,
                     std::vector<Sentence>& sentences);

/// A phrase of one of the lists found at words [first, last).
template <typename T>
struct Match {
    std::size_t first = 0;
    std::size_t last = 0;
    const T* entry = nullptr;
};

/// The phrases of `table` among the words of `s`: longest first, left to right, never across
/// punctuation. A phrase is extended word by word only while the table has longer phrases
/// starting that way (PhraseTable::Slot::prefix).
template <typename T>
std::vector<Match<T>> find_phrases(const std::vector<Word>& words, const Sentence& s, const PhraseTable<T>& table) {
    std::vector<Match<T>> out;
    std::string phrase;
    for (std::size_t i = s.first_word; i < s.last_word;) {
        const T* entry = nullptr;
        std::size_t matched = 0;
        TextHash hash = words[i].hash;
        const auto* slot = table.probe(words[i].folded, hash.value);
        if (slot && slot->prefix) phrase = words[i].folded;
        for (std::size_t end = i + 1; slot; ++end) {
            if (slot->value) {
                entry = &*slot->value;
                matched = end - i;
            }
            if (end >= s.last_word || words[end].break_before || !slot->prefix) break;
            phrase += ' ';
            phrase += words[end].folded;
            hash = hash.then_word(words[end].hash);
            slot = table.probe(phrase, hash.value);
        }
        if (entry) {
            out.push_back({i, i + matched, entry});
            i += matched;
        } else {
            ++i;
        }
    }
    return out;
}

}  // namespace extract
