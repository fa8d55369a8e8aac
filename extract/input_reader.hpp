#pragma once
// Reads the articles that `places` and `map` take as INPUT...: plain UTF-8 text files (one
// article each), folders of them, and JSON Lines files (one article per line), one Document
// at a time.
//
// Inputs, in the order given:
//   "-"     JSON Lines read from std::cin.
//   folder  every regular file below it, recursively, whose name ends in .txt (plain text),
//           .jsonl or .json (JSON Lines), case-insensitive; sorted by path so that the order is
//           stable. Other files, and files and folders whose name starts with '.', are ignored;
//           symbolic links to folders are not followed.
//   file    JSON Lines when its name ends in .jsonl or .json, or when its first byte that is not
//           white space (after a UTF-8 BOM) is '{'; plain text otherwise.
//
// Plain text: the whole file is one Document. id = the file name without folder and extension,
// text = the content without a leading UTF-8 BOM, otherwise untouched (the first line stays in
// the text, line ends are kept), published = the file's date in InputOptions::published_by_file
// when it is listed there, else InputOptions::published.
//
// JSON Lines: one object per line, {"id", "text", "title", "published", "url", "source"}; only
// "text" is required. "id" is a string or a number (written as JSON would write it); when it is
// absent, null or "", the id is "<file stem>:<line>" ("stdin:<line>" for standard input).
// title, url and source are strings or null; published is "YYYY-MM-DD", null or "". Unknown
// fields are ignored. Blank lines are ignored; lines are numbered from 1 and count blank ones.
//
// Invalid UTF-8 is repaired, not rejected: each maximal subpart of an ill-formed sequence (the
// Unicode "best practice for U+FFFD substitution", as WHATWG decoders do: a lone bad byte, or a
// sequence cut short by a byte that cannot continue it) becomes one U+FFFD. The bytes removed
// are counted in Document::replaced_bytes, and one InputProblem per repaired document says how
// many (skipped_document false). In JSON Lines the repair applies to the whole line, before it
// is parsed, and also turns a \u escape of a lone UTF-16 surrogate into \uFFFD (counted as its
// six bytes). Text that is valid UTF-8 is not copied to be checked.
//
// Skipped, with one InputProblem (skipped_document true), the run going on:
//   - a missing or unreadable input, a read error (the rest of that file), a folder that
//     cannot be listed (the files found before the error are still read);
//   - a file that is not text: a NUL byte in its first 64 KiB, more than 10% invalid UTF-8
//     bytes in its first 64 KiB, or a UTF-16 byte order mark;
//   - an empty file, or one holding only white space (or only blank lines, for JSON Lines);
//   - a JSON Lines line that is not a JSON object, lacks a string "text", has a "text" that is
//     only white space, a "published" that is not a real YYYY-MM-DD date, or an id, title, url
//     or source of the wrong type; the problem names "file:line" and the field.
// A folder holding no file to read is reported with skipped_document false.
//
// Standard input is read with std::getline(std::cin): with libstdc++ and the default
// std::ios::sync_with_stdio(true) that is about 70 MB/s; main() should turn the sync off
// (then about 400 MB/s).
//
// Memory: the current document, plus, for JSON Lines, the longest line read so far and the
// JSON parser's buffers sized for it, and for a folder the list of its file paths. Linear time;
// no limit on line or file length below what simdjson parses (4 GiB per line).
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "extract/document.hpp"
#include "extract/published_table.hpp"

namespace simdjson::dom {
class parser;
}

namespace extract {

struct InputOptions {
    std::string published;  ///< --published: "YYYY-MM-DD" for plain-text documents, or empty
    /// --published-from: dates of plain-text documents by file name (without folder); a file
    /// listed there takes its date from the table (an empty date: unknown) instead of `published`.
    PublishedTable published_by_file;
};

/// Something wrong with an input, a line of it or a document read from it.
struct InputProblem {
    std::string where;              ///< "file", or "file:line" for a line of JSON Lines ("<stdin>:line")
    std::string message;            ///< what is wrong, naming the field when there is one
    bool skipped_document = false;  ///< true: an input, file or line gave no document
};

/// Streams the documents of a list of inputs. Not thread-safe: one reader per thread of input;
/// on_problem is called from next(), before the document concerned is returned.
/// Parses one article given as a JSON object (a line of JSON Lines, or a request body) into
/// `doc`, with the checks and repairs described above for a JSON Lines line: "text" required
/// and not blank, "id" a string or a number (`default_id` when absent, null or ""), title, url
/// and source strings or null, "published" a real YYYY-MM-DD date, null or "". Invalid UTF-8 and
/// \u escapes of lone surrogates are repaired in `json` itself (which gets the parser's padding
/// reserved), the bytes replaced counted in doc.replaced_bytes.
/// Returns an empty string when `doc` holds the article (every field overwritten), else what is
/// wrong, naming the field ("malformed JSON: ...", "not a JSON object", "field 'text' is
/// missing", ...); `doc` is then unspecified. Throws only what allocation throws. Linear time.
/// One parser per thread: `parser` is reused and overwritten.
std::string parse_article_json(std::string& json, std::string_view default_id, simdjson::dom::parser& parser,
                               Document& doc);

/// Replaces each maximal subpart of an ill-formed UTF-8 sequence in `text` by U+FFFD (as
/// described above) and returns the number of bytes so replaced. Valid text is only scanned,
/// not copied. O(n).
std::size_t replace_invalid_utf8(std::string& text);

/// True for a file the reader takes from a folder: a name not starting with '.' that ends in
/// .txt, .jsonl or .json, in any case (folders starting with '.' are not entered either).
bool is_article_file(const std::filesystem::path& path);

class DocumentReader {
public:
    /// Reads nothing yet. on_problem may be empty (problems are then only counted).
    /// Throws std::invalid_argument when options.published is neither empty nor is_iso_date().
    DocumentReader(std::vector<std::string> inputs, InputOptions options,
                   std::function<void(const InputProblem&)> on_problem);
    ~DocumentReader();
    DocumentReader(DocumentReader&&) noexcept;
    DocumentReader& operator=(DocumentReader&&) noexcept;
    DocumentReader(const DocumentReader&) = delete;
    DocumentReader& operator=(const DocumentReader&) = delete;

    /// Overwrites every field of `doc` with the next document and returns true, or returns
    /// false when all inputs are read. Input problems are reported, not thrown; throws only
    /// what allocation or on_problem throws.
    bool next(Document& doc);

    std::size_t documents() const noexcept;       ///< documents returned so far
    std::size_t skipped() const noexcept;         ///< problems with skipped_document so far
    std::size_t replaced_bytes() const noexcept;  ///< sum of Document::replaced_bytes returned
    /// Input bytes read so far: JSON lines with their line ends (blank and bad lines too), whole
    /// plain-text files. For progress, against the inputs' size.
    std::uint64_t bytes_read() const noexcept;

private:
    struct State;
    std::unique_ptr<State> state_;
};

}  // namespace extract
