#include "gazetteer/fold.hpp"

#include <utf8proc.h>

namespace gazetteer {
namespace {

enum class CharClass { keep, drop, space };

// Letters outside Unicode decomposition that news and gazetteers still spell in plain Latin.
const char* latin_fallback(utf8proc_int32_t cp) {
    switch (cp) {
        case 0x00F8: return "o";   // ø
        case 0x00E6: return "ae";  // æ
        case 0x0153: return "oe";  // œ
        case 0x0142: return "l";   // ł
        case 0x0111: return "d";   // đ
        case 0x0131: return "i";   // dotless ı
        case 0x00FE: return "th";  // þ
        case 0x00F0: return "d";   // ð
        case 0x0127: return "h";   // ħ
        default: return nullptr;
    }
}

CharClass classify(utf8proc_int32_t cp) {
    switch (cp) {
        case '\'': case '.': case '`':
        case 0x2019: case 0x2018: case 0x02BC: case 0x02BB:  // ’ ‘ ʼ ʻ
        case 0x02BF: case 0x02BE: case 0x00B4: case 0x02B9:  // ʿ ʾ ´ ʹ
            return CharClass::drop;
        default: break;
    }
    switch (utf8proc_category(cp)) {
        case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
        case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_ND: case UTF8PROC_CATEGORY_NL:
        case UTF8PROC_CATEGORY_NO:
            return CharClass::keep;
        case UTF8PROC_CATEGORY_LM:  // modifier letters (ʿ ʾ ˈ): transliteration marks
        case UTF8PROC_CATEGORY_MN: case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME:
        case UTF8PROC_CATEGORY_CF:
            return CharClass::drop;
        default:
            return CharClass::space;
    }
}

// Appends folded characters to a string, one space between runs, none at either end.
struct FoldSink {
    std::string& out;
    bool wrote = false;
    bool pending_space = false;

    void letter(utf8proc_int32_t cp) {
        if (pending_space && wrote) out.push_back(' ');
        pending_space = false;
        wrote = true;
        if (cp < 0x80) {
            out.push_back(static_cast<char>(cp >= 'A' && cp <= 'Z' ? cp + 32 : cp));
            return;
        }
        utf8proc_uint8_t buf[4];
        const auto n = utf8proc_encode_char(cp, buf);
        out.append(reinterpret_cast<const char*>(buf), static_cast<std::size_t>(n));
    }
    void ascii(unsigned char c) {
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z')) {
            letter(c);
        } else if (c != '\'' && c != '.' && c != '`') {
            pending_space = true;
        }
    }
};

}  // namespace

bool append_folded(std::string_view utf8, std::string& out) {
    FoldSink sink{out};
    const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(utf8.data());
    const auto* const end = p + utf8.size();
    constexpr auto kOptions = static_cast<utf8proc_option_t>(
        UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK | UTF8PROC_IGNORE);
    while (p < end) {
        if (*p < 0x80) {  // fast path: most names and most text are ASCII
            sink.ascii(*p++);
            continue;
        }
        utf8proc_int32_t cp = 0;
        const auto n = utf8proc_iterate(p, end - p, &cp);
        if (n <= 0) {  // invalid byte: dropped
            ++p;
            continue;
        }
        p += n;
        utf8proc_int32_t decomposed[18];
        int boundclass = 0;
        const auto m = utf8proc_decompose_char(cp, decomposed, 18, kOptions, &boundclass);
        if (m < 0 || m > 18) continue;
        for (utf8proc_ssize_t i = 0; i < m; ++i) {
            const auto d = decomposed[i];
            if (const char* latin = latin_fallback(d)) {
                for (const char* q = latin; *q; ++q) sink.letter(*q);
                continue;
            }
            switch (classify(d)) {
                case CharClass::keep: sink.letter(d); break;
                case CharClass::drop: break;
                case CharClass::space: sink.pending_space = true; break;
            }
        }
    }
    return sink.wrote;
}

std::string fold_name(std::string_view utf8) {
    std::string out;
    out.reserve(utf8.size());
    append_folded(utf8, out);
    return out;
}

}  // namespace gazetteer
