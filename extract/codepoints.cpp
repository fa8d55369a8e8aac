#include "extract/codepoints.hpp"

#include <algorithm>
#include <stdexcept>

#include <fmt/format.h>

namespace extract {
namespace {

bool is_continuation(unsigned char c) noexcept { return (c & 0xC0) == 0x80; }

}  // namespace

std::size_t codepoint_length(std::string_view utf8) noexcept {
    std::size_t n = 0;
    for (const char c : utf8) n += is_continuation(static_cast<unsigned char>(c)) ? 0 : 1;
    return n;
}

Utf8Sequence utf8_sequence_at(const unsigned char* s, std::size_t n, std::size_t i) noexcept {
    const unsigned char c = s[i];
    if (c < 0x80) return {1, true};
    // The accepted range of the second byte narrows for E0, ED, F0 and F4 (Unicode table 3-7).
    std::size_t length = 0;
    unsigned char low = 0x80;
    unsigned char high = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) {
        length = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
        length = 3;
        if (c == 0xE0) low = 0xA0;   // no overlong forms
        if (c == 0xED) high = 0x9F;  // no surrogates
    } else if (c >= 0xF0 && c <= 0xF4) {
        length = 4;
        if (c == 0xF0) low = 0x90;   // no overlong forms
        if (c == 0xF4) high = 0x8F;  // nothing above U+10FFFF
    } else {
        return {1, false};
    }
    std::size_t k = 1;
    for (; k < length && i + k < n; ++k) {
        const unsigned char b = s[i + k];
        if (k == 1 ? (b < low || b > high) : !is_continuation(b)) break;
    }
    return {k, k == length};
}

std::size_t find_invalid_utf8(std::string_view utf8) noexcept {
    const auto* s = reinterpret_cast<const unsigned char*>(utf8.data());
    const std::size_t n = utf8.size();
    for (std::size_t i = 0; i < n;) {
        const auto seq = utf8_sequence_at(s, n, i);
        if (!seq.valid) return i;
        i += seq.length;
    }
    return std::string_view::npos;
}

CodepointIndex::CodepointIndex(std::string_view utf8) : bytes_(utf8.size()) {
    codepoints_ = codepoint_length(utf8);
    if (codepoints_ == bytes_) return;  // ASCII: offsets are the same in both units
    starts_.reserve(codepoints_);
    for (std::size_t i = 0; i < utf8.size(); ++i) {
        if (!is_continuation(static_cast<unsigned char>(utf8[i]))) starts_.push_back(i);
    }
}

std::size_t CodepointIndex::to_codepoint(std::size_t byte) const {
    if (byte > bytes_) {
        throw std::out_of_range(fmt::format("byte offset {} is beyond the text ({} bytes)", byte, bytes_));
    }
    if (starts_.empty() || byte == bytes_) return byte == bytes_ ? codepoints_ : byte;
    // The last code point starting at or before `byte`; continuation bytes before the first
    // code point (invalid text) belong to code point 0.
    const auto after = std::upper_bound(starts_.begin(), starts_.end(), byte);
    return after == starts_.begin() ? 0 : static_cast<std::size_t>(after - starts_.begin()) - 1;
}

std::size_t CodepointIndex::to_byte(std::size_t codepoint) const {
    if (codepoint > codepoints_) {
        throw std::out_of_range(
            fmt::format("code point offset {} is beyond the text ({} code points)", codepoint, codepoints_));
    }
    if (codepoint == codepoints_) return bytes_;
    return starts_.empty() ? codepoint : starts_[codepoint];
}

}  // namespace extract
