#pragma once
// Counting UTF-8 text in Unicode code points, the unit in which corpora and our output give
// offsets, and mapping between code-point offsets and the byte offsets the tokenizer works in.
#include <cstddef>
#include <string_view>
#include <vector>

namespace extract {

/// Number of code points in `utf8`: every byte that is not a continuation byte (10xxxxxx)
/// starts one, so invalid input is counted without throwing. O(n).
std::size_t codepoint_length(std::string_view utf8) noexcept;

/// Byte offset of the first byte that is not part of a well-formed UTF-8 sequence (overlong
/// forms, surrogates and values above U+10FFFF are ill-formed), or std::string_view::npos when
/// the whole text is valid. O(n).
std::size_t find_invalid_utf8(std::string_view utf8) noexcept;

/// The UTF-8 sequence starting at s[i] (i < n): either a well-formed character (`valid`), or
/// the maximal subpart of an ill-formed sequence: the longest prefix of some well-formed
/// sequence, cut short by a byte that cannot continue it or by the end of the input, and at
/// least one byte. Ranges as in Unicode table 3-7 (no overlong forms, surrogates or values
/// above U+10FFFF).
struct Utf8Sequence {
    std::size_t length;
    bool valid;
};
Utf8Sequence utf8_sequence_at(const unsigned char* s, std::size_t n, std::size_t i) noexcept;

/// Maps offsets in one text between bytes and code points. Built once per text in O(n); keeps
/// no reference to the text. Offsets are positions between characters, so both ends of a
/// half-open span map, and the text's end maps to the end (size_bytes() <-> size_codepoints()).
/// Memory: one std::size_t per code point, none when the text is pure ASCII.
/// Immutable after construction, so one index may be shared by threads.
class CodepointIndex {
public:
    /// Code points are counted as codepoint_length() counts them.
    explicit CodepointIndex(std::string_view utf8);

    std::size_t size_bytes() const noexcept { return bytes_; }
    std::size_t size_codepoints() const noexcept { return codepoints_; }

    /// The code-point offset of byte offset `byte`. A byte inside a multi-byte sequence maps to
    /// the code point that holds it. O(log n), O(1) for ASCII text.
    /// Throws std::out_of_range when byte > size_bytes().
    std::size_t to_codepoint(std::size_t byte) const;

    /// The byte offset where code point `codepoint` starts. O(1).
    /// Throws std::out_of_range when codepoint > size_codepoints().
    std::size_t to_byte(std::size_t codepoint) const;

private:
    std::size_t bytes_ = 0;
    std::size_t codepoints_ = 0;
    std::vector<std::size_t> starts_;  ///< byte offset of each code point; empty for ASCII text
};

}  // namespace extract
