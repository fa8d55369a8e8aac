#include "extract/input_reader.hpp"

#include "extract/codepoints.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <stdexcept>
#include <string_view>

#include <fmt/format.h>
#include <simdjson.h>

#include "extract/dates.hpp"

namespace extract {
namespace {

namespace fs = std::filesystem;

constexpr std::size_t kSniffBytes = 64 * 1024;  // what the not-text checks look at
constexpr std::size_t kReadChunk = 1 << 20;
constexpr std::string_view kBom = "\xEF\xBB\xBF";
constexpr std::string_view kUtf16LeBom = "\xFF\xFE";
constexpr std::string_view kUtf16BeBom = "\xFE\xFF";
constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD
constexpr std::string_view kBlank = " \t\r\n\f\v";
constexpr std::string_view kStdinName = "<stdin>";

enum class Format { plain, json_lines };

bool is_blank(std::string_view text) noexcept { return text.find_first_not_of(kBlank) == std::string_view::npos; }

/// The format a file name asks for: .txt, .jsonl or .json, in any case; nothing otherwise.
std::optional<Format> format_of_name(const fs::path& path) {
    std::string ext = path.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) {
        return static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    });
    if (ext == ".txt") return Format::plain;
    if (ext == ".jsonl" || ext == ".json") return Format::json_lines;
    return std::nullopt;
}

/// Invalid bytes in `text`. When `complete` is false the text is the start of something longer,
/// and a sequence cut short by its end is not counted.
std::size_t count_invalid_utf8(std::string_view text, bool complete) noexcept {
    const auto* s = reinterpret_cast<const unsigned char*>(text.data());
    const std::size_t n = text.size();
    std::size_t invalid = 0;
    for (std::size_t i = 0; i < n;) {
        const Utf8Sequence seq = utf8_sequence_at(s, n, i);
        if (!seq.valid && (complete || i + seq.length < n)) invalid += seq.length;
        i += seq.length;
    }
    return invalid;
}

/// The value of the four hex digits at json[at], if there are four.
std::optional<unsigned> hex4_at(const std::string& json, std::size_t at) noexcept {
    if (at + 4 > json.size()) return std::nullopt;
    unsigned value = 0;
    for (std::size_t k = at; k < at + 4; ++k) {
        const char c = json[k];
        unsigned digit;
        if (c >= '0' && c <= '9') digit = static_cast<unsigned>(c - '0');
        else if (c >= 'a' && c <= 'f') digit = static_cast<unsigned>(c - 'a' + 10);
        else if (c >= 'A' && c <= 'F') digit = static_cast<unsigned>(c - 'A' + 10);
        else return std::nullopt;
        value = value * 16 + digit;
    }
    return value;
}

/// Rewrites, in place, each \u escape of a UTF-16 surrogate that is not half of a high-low
/// pair as \uFFFD (same length). Returns how many were rewritten. O(n).
std::size_t replace_lone_surrogate_escapes(std::string& json) {
    std::size_t replaced = 0;
    for (std::size_t i = 0; i + 1 < json.size();) {
        if (json[i] != '\\') {
            ++i;
            continue;
        }
        if (json[i + 1] != 'u') {
            i += 2;  // \" \\ \n ...: the escaped character cannot start an escape
            continue;
        }
        const auto unit = hex4_at(json, i + 2);
        if (!unit) {
            i += 2;
            continue;
        }
        if (*unit < 0xD800 || *unit > 0xDFFF) {
            i += 6;
            continue;
        }
        if (*unit <= 0xDBFF && i + 7 < json.size() && json[i + 6] == '\\' && json[i + 7] == 'u') {
            const auto next = hex4_at(json, i + 8);
            if (next && *next >= 0xDC00 && *next <= 0xDFFF) {
                i += 12;
                continue;
            }
        }
        json.replace(i, 6, "\\uFFFD");
        ++replaced;
        i += 6;
    }
    return replaced;
}

/// Appends the rest of `in` to `out`; `size_hint` is the expected size of `out` at the end, or 0.
/// Returns false on a read error. Linear in the bytes read.
bool append_rest(std::istream& in, std::string& out, std::size_t size_hint) {
    // With the file's size known, one read reaches the end; chunks otherwise (or if it grew).
    std::size_t want = size_hint >= out.size() ? size_hint - out.size() + 1 : kReadChunk;
    for (;;) {
        const std::size_t old = out.size();
        out.resize(old + want);
        in.read(out.data() + old, static_cast<std::streamsize>(want));
        out.resize(old + static_cast<std::size_t>(in.gcount()));
        if (in.bad()) return false;
        if (!in) return true;  // end of file
        want = kReadChunk;
    }
}

/// `value` quoted for a message, shortened when long.
std::string shown_value(std::string_view value) {
    constexpr std::size_t kMax = 40;
    if (value.size() <= kMax) return fmt::format("'{}'", value);
    std::size_t cut = kMax;
    while (cut > 0 && (static_cast<unsigned char>(value[cut]) & 0xC0) == 0x80) --cut;  // whole characters
    return fmt::format("'{}...'", value.substr(0, cut));
}

using Element = simdjson::dom::element;
using ElementType = simdjson::dom::element_type;

/// Reads the optional string field `key` into `out` ("" when absent or null). Returns an error
/// message naming the field, or an empty string.
std::string optional_string(simdjson::dom::object object, std::string_view key, std::string& out) {
    Element value;
    if (object.at_key(key).get(value) != simdjson::SUCCESS || value.is_null()) return {};
    std::string_view text;
    if (value.get(text) != simdjson::SUCCESS) return fmt::format("field '{}' is not a string", key);
    out.assign(text);
    return {};
}

}  // namespace

std::size_t replace_invalid_utf8(std::string& text) {
    if (simdjson::validate_utf8(text.data(), text.size())) return 0;
    const auto* s = reinterpret_cast<const unsigned char*>(text.data());
    const std::size_t n = text.size();
    std::string repaired;
    repaired.reserve(n + n / 8);
    std::size_t replaced = 0;
    std::size_t run = 0;  // start of the current run of valid bytes
    for (std::size_t i = 0; i < n;) {
        const Utf8Sequence seq = utf8_sequence_at(s, n, i);
        if (!seq.valid) {
            repaired.append(text, run, i - run);
            repaired.append(kReplacement);
            replaced += seq.length;
            run = i + seq.length;
        }
        i += seq.length;
    }
    repaired.append(text, run, n - run);
    text.swap(repaired);
    return replaced;
}

std::string parse_article_json(std::string& json, std::string_view default_id, simdjson::dom::parser& parser,
                               Document& doc) {
    std::size_t replaced = 0;
    bool utf8_repaired = false;
    bool escapes_repaired = false;
    Element root;
    simdjson::error_code error;
    for (;;) {
        json.reserve(json.size() + simdjson::SIMDJSON_PADDING);  // lets the parser read the text in place
        error = parser.parse(json).get(root);
        std::size_t repaired = 0;
        if (error == simdjson::UTF8_ERROR && !utf8_repaired) {
            utf8_repaired = true;
            repaired = replace_invalid_utf8(json);
            replaced += repaired;
        } else if (error == simdjson::STRING_ERROR && !escapes_repaired) {
            escapes_repaired = true;
            repaired = replace_lone_surrogate_escapes(json);
            replaced += 6 * repaired;  // each escape is six bytes
        }
        if (repaired == 0) break;
    }
    if (error) return fmt::format("malformed JSON: {}", simdjson::error_message(error));
    simdjson::dom::object object;
    if (root.get(object) != simdjson::SUCCESS) return "not a JSON object";

    Element text;
    if (object.at_key("text").get(text) != simdjson::SUCCESS) return "field 'text' is missing";
    std::string_view text_value;
    if (text.get(text_value) != simdjson::SUCCESS) return "field 'text' is not a string";
    if (is_blank(text_value)) return "field 'text' is empty";

    doc.id.clear();
    Element id;
    if (object.at_key("id").get(id) == simdjson::SUCCESS) {
        switch (id.type()) {
        case ElementType::STRING: doc.id.assign(id.get_string().value_unsafe()); break;
        case ElementType::INT64: doc.id = fmt::format("{}", id.get_int64().value_unsafe()); break;
        case ElementType::UINT64: doc.id = fmt::format("{}", id.get_uint64().value_unsafe()); break;
        case ElementType::DOUBLE: doc.id = fmt::format("{}", id.get_double().value_unsafe()); break;
        case ElementType::NULL_VALUE: break;
        default: return "field 'id' is not a string or a number";
        }
    }
    if (doc.id.empty()) doc.id.assign(default_id);

    doc.title.clear();
    doc.published.clear();
    doc.url.clear();
    doc.source.clear();
    for (const auto& [key, out] : {std::pair<std::string_view, std::string*>{"title", &doc.title},
                                   {"published", &doc.published},
                                   {"url", &doc.url},
                                   {"source", &doc.source}}) {
        if (std::string message = optional_string(object, key, *out); !message.empty()) return message;
    }
    if (!doc.published.empty() && !is_iso_date(doc.published)) {
        return fmt::format("field 'published': {} is not a date (YYYY-MM-DD)", shown_value(doc.published));
    }
    doc.text.assign(text_value);
    doc.replaced_bytes = replaced;
    return {};
}

struct DocumentReader::State {
    std::vector<std::string> inputs;
    InputOptions options;
    std::function<void(const InputProblem&)> on_problem;

    std::size_t next_input = 0;
    std::vector<fs::path> folder_files;  // of the folder being read, sorted
    std::size_t next_folder_file = 0;

    // The JSON Lines source being read: `in` is null when there is none.
    std::unique_ptr<std::ifstream> file;
    std::istream* in = nullptr;
    std::string where;             // the file as given or found, or "<stdin>"
    std::string stem;              // for default ids
    std::string head;              // bytes read ahead to check a file, not yet split into lines
    std::size_t head_used = 0;
    std::uint64_t line_number = 0;
    bool saw_line = false;         // a line that is not blank
    std::string line;
    simdjson::dom::parser parser;  // reused for every line

    std::size_t documents = 0;
    std::size_t skipped = 0;
    std::size_t replaced_bytes = 0;
    std::uint64_t bytes_read = 0;

    void report(std::string at, std::string message, bool skipped_document) {
        if (skipped_document) ++skipped;
        if (on_problem) on_problem(InputProblem{std::move(at), std::move(message), skipped_document});
    }

    std::string line_where() const { return fmt::format("{}:{}", where, line_number); }

    /// Counts a document about to be returned and reports its repairs.
    void deliver(const Document& doc, const std::string& at) {
        ++documents;
        replaced_bytes += doc.replaced_bytes;
        if (doc.replaced_bytes > 0) {
            report(at, fmt::format("{} invalid UTF-8 {} replaced by U+FFFD", doc.replaced_bytes,
                                   doc.replaced_bytes == 1 ? "byte" : "bytes"), false);
        }
    }

    void collect_folder(const fs::path& folder);
    bool start_input(const std::string& input, Document& doc);
    bool open_file(const fs::path& path, std::optional<Format> format, Document& doc);
    bool read_plain(const fs::path& path, std::istream& stream, bool whole, Document& doc);
    bool next_line();
    bool next_json_document(Document& doc);
    bool parse_json_line(Document& doc);
    void close_source() {
        in = nullptr;
        file.reset();
        head.clear();
        head_used = 0;
    }
};

/// Appends the files to read below `folder` to folder_files, reporting folders it cannot read.
/// Symbolic links to folders are not followed (no cycles).
void DocumentReader::State::collect_folder(const fs::path& folder) {
    std::error_code ec;
    fs::directory_iterator it(folder, ec);
    if (ec) {
        report(folder.string(), "cannot read folder: " + ec.message(), true);
        return;
    }
    for (const fs::directory_iterator end; it != end;) {
        const fs::path& path = it->path();
        const std::string name = path.filename().string();
        if (!name.empty() && name[0] != '.') {
            std::error_code type_ec;
            const fs::file_status status = it->status(type_ec);
            if (fs::is_directory(status)) {
                if (!it->is_symlink(type_ec)) collect_folder(path);
            } else if (fs::is_regular_file(status) && format_of_name(path)) {
                folder_files.push_back(path);
            }
        }
        it.increment(ec);
        if (ec) {
            report(folder.string(), "cannot read folder: " + ec.message(), true);
            return;
        }
    }
}

/// Starts reading one of the inputs given; true when that already gave a document (plain text).
bool DocumentReader::State::start_input(const std::string& input, Document& doc) {
    if (input == "-") {
        close_source();
        in = &std::cin;
        where = kStdinName;
        stem = "stdin";
        line_number = 0;
        saw_line = false;
        return false;
    }
    std::error_code ec;
    const fs::file_status status = fs::status(input, ec);
    if (status.type() == fs::file_type::not_found) {
        report(input, "no such file or folder", true);
        return false;
    }
    if (ec) {
        report(input, "cannot open: " + ec.message(), true);
        return false;
    }
    if (fs::is_directory(status)) {
        folder_files.clear();
        next_folder_file = 0;
        collect_folder(input);
        std::sort(folder_files.begin(), folder_files.end());
        if (folder_files.empty()) report(input, "no .txt, .jsonl or .json file in this folder", false);
        return false;
    }
    // Only .jsonl and .json decide by name: an explicit file starting with '{' is JSON Lines too.
    const auto by_name = format_of_name(input);
    return open_file(input, by_name == Format::json_lines ? by_name : std::nullopt, doc);
}

/// Opens a file and checks that it holds text; reads it when it is plain text (true when that
/// gives a document), or makes it the JSON Lines source. `format` empty: decided by content.
bool DocumentReader::State::open_file(const fs::path& path, std::optional<Format> format, Document& doc) {
    const std::string name = path.string();
    auto stream = std::make_unique<std::ifstream>(path, std::ios::binary);
    if (!*stream) {
        report(name, std::string("cannot open: ") + std::strerror(errno), true);
        return false;
    }
    head.resize(kSniffBytes);
    stream->read(head.data(), static_cast<std::streamsize>(head.size()));
    head.resize(static_cast<std::size_t>(stream->gcount()));
    if (stream->bad()) {
        report(name, "read error", true);
        return false;
    }
    const bool whole = !*stream;  // the end of the file was reached
    const std::string_view start = head;
    if (start.starts_with(kBom)) {
        head.erase(0, kBom.size());
    } else if (start.starts_with(kUtf16LeBom) || start.starts_with(kUtf16BeBom)) {
        report(name, "not a text file (UTF-16; convert it to UTF-8)", true);
        return false;
    }
    if (head.find('\0') != std::string::npos || count_invalid_utf8(head, whole) * 10 > head.size()) {
        report(name, "not a text file (binary data)", true);
        return false;
    }
    if (!format) {
        const auto first = head.find_first_not_of(kBlank);
        format = first != std::string::npos && head[first] == '{' ? Format::json_lines : Format::plain;
    }
    if (*format == Format::plain) return read_plain(path, *stream, whole, doc);
    file = std::move(stream);
    in = file.get();
    where = name;
    stem = path.stem().string();
    head_used = 0;
    line_number = 0;
    saw_line = false;
    return false;
}

/// Reads a plain-text file whose first bytes (without BOM) are in `head`.
bool DocumentReader::State::read_plain(const fs::path& path, std::istream& stream, bool whole, Document& doc) {
    const std::string name = path.string();
    std::error_code size_ec;
    const std::uintmax_t file_bytes = fs::file_size(path, size_ec);
    bytes_read += size_ec ? head.size() : file_bytes;
    doc.text.assign(head);
    head.clear();
    if (!whole) {
        std::error_code ec;
        const std::uintmax_t size = fs::file_size(path, ec);
        if (!append_rest(stream, doc.text, ec ? 0 : static_cast<std::size_t>(size))) {
            report(name, "read error", true);
            return false;
        }
    }
    if (is_blank(doc.text)) {
        report(name, "empty file (no text)", true);
        return false;
    }
    doc.id = path.stem().string();
    doc.title.clear();
    const auto listed = options.published_by_file.find(path.filename().string());
    doc.published = listed != options.published_by_file.end() ? listed->second : options.published;
    doc.url.clear();
    doc.source.clear();
    doc.replaced_bytes = replace_invalid_utf8(doc.text);
    deliver(doc, name);
    return true;
}

/// The next line of the JSON Lines source, without "\n", in `line`; false at its end.
bool DocumentReader::State::next_line() {
    if (head_used < head.size()) {
        const std::size_t newline = head.find('\n', head_used);
        if (newline != std::string::npos) {
            line.assign(head, head_used, newline - head_used);
            head_used = newline + 1;
            return true;
        }
        // The last line of the head continues in the stream (or ends the file).
        const std::string_view rest = std::string_view(head).substr(head_used);
        head_used = head.size();
        if (!std::getline(*in, line)) line.clear();
        line.insert(0, rest);
        return true;
    }
    return static_cast<bool>(std::getline(*in, line));
}

bool DocumentReader::State::next_json_document(Document& doc) {
    while (next_line()) {
        ++line_number;
        bytes_read += line.size() + 1;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line_number == 1 && std::string_view(line).starts_with(kBom)) line.erase(0, kBom.size());
        if (is_blank(line)) continue;
        saw_line = true;
        if (parse_json_line(doc)) return true;
    }
    if (in->bad()) {
        ++line_number;
        report(line_where(), "read error", true);
    } else if (!saw_line) {
        report(where, "empty file (no JSON line)", true);
    }
    close_source();
    return false;
}

/// Parses `line` into `doc`; false (with the problem reported) when the line gives no document.
bool DocumentReader::State::parse_json_line(Document& doc) {
    if (std::string message = parse_article_json(line, fmt::format("{}:{}", stem, line_number), parser, doc);
        !message.empty()) {
        report(line_where(), std::move(message), true);
        return false;
    }
    deliver(doc, line_where());
    return true;
}

bool is_article_file(const std::filesystem::path& path) {
    const std::string name = path.filename().string();
    return !name.empty() && name[0] != '.' && format_of_name(path).has_value();
}

DocumentReader::DocumentReader(std::vector<std::string> inputs, InputOptions options,
                               std::function<void(const InputProblem&)> on_problem)
    : state_(std::make_unique<State>()) {
    if (!options.published.empty() && !is_iso_date(options.published)) {
        throw std::invalid_argument(
            fmt::format("published date {} is not a date (YYYY-MM-DD)", shown_value(options.published)));
    }
    state_->inputs = std::move(inputs);
    state_->options = std::move(options);
    state_->on_problem = std::move(on_problem);
}

DocumentReader::~DocumentReader() = default;
DocumentReader::DocumentReader(DocumentReader&&) noexcept = default;
DocumentReader& DocumentReader::operator=(DocumentReader&&) noexcept = default;

bool DocumentReader::next(Document& doc) {
    State& s = *state_;
    for (;;) {
        if (s.in) {
            if (s.next_json_document(doc)) return true;
        } else if (s.next_folder_file < s.folder_files.size()) {
            const fs::path path = s.folder_files[s.next_folder_file++];
            if (s.open_file(path, format_of_name(path), doc)) return true;
        } else if (s.next_input < s.inputs.size()) {
            if (s.start_input(s.inputs[s.next_input++], doc)) return true;
        } else {
            return false;
        }
    }
}

std::size_t DocumentReader::documents() const noexcept { return state_->documents; }
std::size_t DocumentReader::skipped() const noexcept { return state_->skipped; }
std::size_t DocumentReader::replaced_bytes() const noexcept { return state_->replaced_bytes; }
std::uint64_t DocumentReader::bytes_read() const noexcept { return state_->bytes_read; }

}  // namespace extract
