#include "output/mention_json.hpp"

#include <cmath>
#include <utility>

#include <fmt/compile.h>
#include <fmt/format.h>

namespace output {
namespace {

using namespace std::string_view_literals;

// Per byte: whether JSON needs it escaped (quote, backslash, control characters).
struct EscapeTable {
    bool escape[256];
    constexpr EscapeTable() : escape() {
        for (int c = 0; c < 256; ++c) escape[c] = c == '"' || c == '\\' || c < 0x20;
    }
};
constexpr EscapeTable kEscape;

bool needs_escape(char c) { return kEscape.escape[static_cast<unsigned char>(c)]; }

// A JSON string: quotes, backslashes and control characters escaped; the text is valid UTF-8
// (the input reader repairs it), written as is.
void append_string(std::string& out, std::string_view s) {
    out.push_back('"');
    // runs of characters that need no escape are copied at once
    for (std::size_t i = 0; i < s.size();) {
        std::size_t j = i;
        while (j < s.size() && !needs_escape(s[j])) ++j;
        out.append(s.data() + i, j - i);
        if (j == s.size()) break;
        const char c = s[j];
        i = j + 1;
        switch (c) {
        case '"': out += "\\\""sv; break;
        case '\\': out += "\\\\"sv; break;
        case '\n': out += "\\n"sv; break;
        case '\r': out += "\\r"sv; break;
        case '\t': out += "\\t"sv; break;
        case '\b': out += "\\b"sv; break;
        case '\f': out += "\\f"sv; break;
        default: fmt::format_to(std::back_inserter(out), "\\u{:04x}", static_cast<unsigned>(c)); break;
        }
    }
    out.push_back('"');
}

// Numbers as the shortest text that reads back to the same double (what JSON libraries write).
void append_number(std::string& out, double v) {
    if (!std::isfinite(v)) {
        out += "null"sv;
        return;
    }
    char buf[32];
    const auto end = fmt::format_to(buf, FMT_COMPILE("{}"), v);  // shortest form; 32 bytes always suffice
    out.append(buf, end);
    if (std::string_view(buf, static_cast<std::size_t>(end - buf)).find_first_of(".eEn") == std::string_view::npos) out += ".0"sv;
}

// A confidence rounded to thousandths, as append_number() writes round(v * 1000) / 1000: for
// 0..1000 thousandths the shortest form is "0." and the digits without trailing zeros ("0.5",
// "0.934"), "0.0" or "1.0", written here without the general shortest-form search. Other
// values (negative, above 1, not finite) take append_number().
void append_thousandths(std::string& out, double v) {
    const double k = std::round(v * 1000.0);
    if (!(k >= 0.0 && k <= 1000.0) || std::signbit(k)) {
        append_number(out, k / 1000.0);
        return;
    }
    const int n = static_cast<int>(k);
    if (n == 1000) {
        out += "1.0"sv;
        return;
    }
    const char digits[5] = {'0', '.', static_cast<char>('0' + n / 100), static_cast<char>('0' + n / 10 % 10),
                            static_cast<char>('0' + n % 10)};
    std::size_t length = 5;
    while (length > 3 && digits[length - 1] == '0') --length;
    out.append(digits, length);
}

void append_integer(std::string& out, std::size_t v) {
    const fmt::format_int text(v);
    out.append(text.data(), text.size());
}

// The line up to the place's fields.
void append_mention_head(std::string& out, const extract::Document& doc, const extract::CodepointIndex& index,
                         const extract::Mention& m) {
    out += "{\"doc_id\":"sv;
    append_string(out, doc.id);
    out += ",\"start\":"sv;
    append_integer(out, index.to_codepoint(m.start));
    out += ",\"end\":"sv;
    append_integer(out, index.to_codepoint(m.end));
    out += ",\"text\":"sv;
    append_string(out, m.text);
    out += ",\"kind\":"sv;
    append_string(out, extract::to_string(m.kind));
    out += ",\"qualifier\":"sv;
    const auto qualifier = m.qualifier.to_string();
    if (qualifier.empty()) out += "null"sv;
    else append_string(out, qualifier);
}

// ,"place_id":...,"longitude":... of a resolved mention's place.
void append_place_fields(std::string& out, const gazetteer::PlaceView& p) {
    const std::pair<std::string_view, std::string_view> strings[] = {{",\"place_id\":"sv, p.place_id},
                                                                      {",\"name\":"sv, p.name},
                                                                      {",\"feature_code\":"sv, p.feature_code},
                                                                      {",\"country_code\":"sv, p.country_code},
                                                                      {",\"admin1\":"sv, p.admin1_name}};
    for (const auto& [key, value] : strings) {
        out += key;
        append_string(out, value);
    }
    out += ",\"latitude\":"sv;
    append_number(out, p.latitude);
    out += ",\"longitude\":"sv;
    append_number(out, p.longitude);
}

// The rest of the line after the place's fields (or the nulls of an unresolved mention).
void append_mention_tail(std::string& out, const extract::Mention& m) {
    if (m.place) {
        out += ",\"confidence\":"sv;
        append_thousandths(out, m.confidence);
    } else {
        out += ",\"place_id\":null,\"name\":null,\"feature_code\":null,\"country_code\":null,\"admin1\":null,"
               "\"latitude\":null,\"longitude\":null,\"confidence\":0.0"sv;
    }
    out += "}\n"sv;
}

}  // namespace

void append_mention_json(std::string& out, const extract::Document& doc, const extract::CodepointIndex& index,
                         const extract::Mention& m) {
    append_mention_head(out, doc, index, m);
    if (m.place) append_place_fields(out, *m.place);
    append_mention_tail(out, m);
}

void MentionJsonWriter::use_gazetteer(std::uint64_t gazetteer_instance) {
    if (gazetteer_instance != gazetteer_) {
        place_json_.clear();
        gazetteer_ = gazetteer_instance;
    }
}

void MentionJsonWriter::append(std::string& out, const extract::Document& doc, const extract::CodepointIndex& index,
                               const extract::Mention& m) {
    append_mention_head(out, doc, index, m);
    if (m.place) {
        auto it = place_json_.find(m.place->index);
        if (it == place_json_.end()) {
            if (place_json_.size() >= kMaxPlacesKept) place_json_.clear();
            std::string fields;
            append_place_fields(fields, *m.place);
            it = place_json_.emplace(m.place->index, std::move(fields)).first;
        }
        out += it->second;
    }
    append_mention_tail(out, m);
}

}  // namespace output
