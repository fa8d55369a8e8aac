#include "extract/corpus_reader.hpp"

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string_view>

#include <fmt/format.h>
#include <pugixml.hpp>

#include "extract/codepoints.hpp"
#include "gazetteer/error.hpp"
#include "geo/point.hpp"

namespace extract {
namespace {

using gazetteer::InputError;

std::string read_file_bytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw InputError(path, 0, std::string("cannot open: ") + std::strerror(errno));
    std::ostringstream bytes;
    bytes << in.rdbuf();
    if (in.bad()) throw InputError(path, 0, "read error");
    return std::move(bytes).str();
}

std::string_view trim(std::string_view s) noexcept {
    constexpr std::string_view kXmlSpace = " \t\r\n";
    const auto first = s.find_first_not_of(kXmlSpace);
    if (first == std::string_view::npos) return {};
    return s.substr(first, s.find_last_not_of(kXmlSpace) - first + 1);
}

/// The character data of an element: its text and CDATA children, concatenated.
std::string element_text(pugi::xml_node element) {
    std::string text;
    for (const pugi::xml_node child : element.children()) {
        if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) text += child.value();
    }
    return text;
}

/// Appends the elements named `name` below `node`, in document order, nested ones included.
void collect_descendants(pugi::xml_node node, const char* name, std::vector<pugi::xml_node>& out) {
    for (const pugi::xml_node child : node.children()) {
        if (child.type() != pugi::node_element) continue;
        if (std::strcmp(child.name(), name) == 0) out.push_back(child);
        collect_descendants(child, name, out);
    }
}

/// The file being read: its path and bytes, to report errors at a line.
class Source {
public:
    Source(const std::string& path, const std::string& bytes) : path_(path), bytes_(bytes) {}

    /// 1-based line of a byte offset into the file; 0 when the offset is unknown.
    std::uint64_t line_at(std::ptrdiff_t offset) const {
        if (offset < 0) return 0;
        const auto end = bytes_.begin() + std::min<std::ptrdiff_t>(offset, static_cast<std::ptrdiff_t>(bytes_.size()));
        return 1 + static_cast<std::uint64_t>(std::count(bytes_.begin(), end, '\n'));
    }

    [[noreturn]] void fail(pugi::xml_node at, const std::string& message) const {
        throw InputError(path_, line_at(at.offset_debug()), message);
    }

private:
    const std::string& path_;
    const std::string& bytes_;
};

/// Reads the toponyms of one article; every message starts with where() ("article 12, toponym 3").
class ToponymReader {
public:
    ToponymReader(const Source& source, const CorpusArticle& article)
        : source_(source), article_(article), text_length_(codepoint_length(article.text)) {}

    void start(pugi::xml_node toponym, std::size_t number) {
        toponym_ = toponym;
        where_ = fmt::format("article {}, toponym {}", article_.id, number);
    }

    std::string required_text(const char* field) const {
        const pugi::xml_node element = toponym_.child(field);
        if (!element) source_.fail(toponym_, fmt::format("{}: no <{}>", where_, field));
        return element_text(element);
    }

    std::size_t offset(const char* field) const {
        const pugi::xml_node element = toponym_.child(field);
        if (!element) source_.fail(toponym_, fmt::format("{}: no <{}>", where_, field));
        const std::string text = element_text(element);
        const std::string_view value = trim(text);
        std::size_t n = 0;
        const auto [ptr, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
        if (value.empty() || ec != std::errc() || ptr != value.data() + value.size()) {
            source_.fail(element, fmt::format("{}: <{}> is '{}', not a non-negative integer", where_, field, text));
        }
        return n;
    }

    /// Checks the span (already in 0-based code points) against the text.
    void check_span(std::size_t start, std::size_t end) const {
        if (start > end) {
            source_.fail(toponym_, fmt::format("{}: <start> {} is after <end> {}", where_, start, end));
        }
        if (end > text_length_) {
            source_.fail(toponym_, fmt::format("{}: <end> {} is beyond the text ({} code points)", where_, end,
                                               text_length_));
        }
    }

    /// Reads <lat> and <lon> children of `parent` into `gold`: both absent or empty means no
    /// coordinates; one alone, a non-number or an out-of-range value is an error.
    void coordinates(pugi::xml_node parent, GoldToponym& gold) const {
        const pugi::xml_node lat = parent.child("lat");
        const pugi::xml_node lon = parent.child("lon");
        const std::string lat_text = element_text(lat);
        const std::string lon_text = element_text(lon);
        const bool has_lat = !trim(lat_text).empty();
        const bool has_lon = !trim(lon_text).empty();
        gold.has_coordinates = false;
        if (!has_lat && !has_lon) return;
        if (has_lat != has_lon) {
            source_.fail(has_lat ? lat : lon, fmt::format("{}: <{}> without <{}>", where_, has_lat ? "lat" : "lon",
                                                          has_lat ? "lon" : "lat"));
        }
        gold.latitude = number(lat, lat_text, "lat");
        gold.longitude = number(lon, lon_text, "lon");
        if (!geo::is_valid({gold.latitude, gold.longitude})) {
            source_.fail(lat, fmt::format("{}: <lat> {} <lon> {} is not a position (latitude in [-90, 90], "
                                          "longitude in [-180, 180])",
                                          where_, gold.latitude, gold.longitude));
        }
        gold.has_coordinates = true;
    }

    const std::string& where() const noexcept { return where_; }

private:
    double number(pugi::xml_node element, const std::string& text, const char* field) const {
        const std::string_view value = trim(text);
        double x = 0;
        const auto [ptr, ec] = std::from_chars(value.data(), value.data() + value.size(), x);
        if (ec != std::errc() || ptr != value.data() + value.size() || !std::isfinite(x)) {
            source_.fail(element, fmt::format("{}: <{}> is '{}', not a number", where_, field, text));
        }
        return x;
    }

    const Source& source_;
    const CorpusArticle& article_;
    std::size_t text_length_;
    pugi::xml_node toponym_;
    std::string where_;
};

void read_lgl_toponyms(const Source& source, pugi::xml_node article_node, CorpusArticle& article) {
    std::vector<pugi::xml_node> toponyms;
    for (const pugi::xml_node list : article_node.children("toponyms")) collect_descendants(list, "toponym", toponyms);
    ToponymReader reader(source, article);
    for (std::size_t i = 0; i < toponyms.size(); ++i) {
        reader.start(toponyms[i], i + 1);
        GoldToponym gold;
        gold.start = reader.offset("start");
        gold.end = reader.offset("end");
        reader.check_span(gold.start, gold.end);
        gold.phrase = reader.required_text("phrase");
        if (const pugi::xml_node gaztag = toponyms[i].child("gaztag")) {
            gold.geonameid = trim(gaztag.attribute("geonameid").value());
            reader.coordinates(gaztag, gold);
        }
        article.gold.push_back(std::move(gold));
    }
}

void read_geovirus_locations(const Source& source, pugi::xml_node article_node, CorpusArticle& article) {
    std::vector<pugi::xml_node> locations;
    for (const pugi::xml_node list : article_node.children("locations")) {
        collect_descendants(list, "location", locations);
    }
    ToponymReader reader(source, article);
    for (std::size_t i = 0; i < locations.size(); ++i) {
        reader.start(locations[i], i + 1);
        GoldToponym gold;
        const std::size_t start = reader.offset("start");
        const std::size_t end = reader.offset("end");
        if (start == 0) {
            source.fail(locations[i],
                        fmt::format("{}: <start> is 0, but GeoVirus offsets count from 1", reader.where()));
        }
        if (start > end) {
            source.fail(locations[i], fmt::format("{}: <start> {} is after <end> {}", reader.where(), start, end));
        }
        gold.start = start - 1;
        gold.end = end - 1;
        reader.check_span(gold.start, gold.end);
        gold.phrase = reader.required_text("name");
        reader.coordinates(locations[i], gold);
        article.gold.push_back(std::move(gold));
    }
}

CorpusFormat detect_format(const Source& source, pugi::xml_node root) {
    for (const pugi::xml_node article : root.children("article")) {
        if (article.attribute("docid") || article.child("title") || article.child("toponyms")) return CorpusFormat::lgl;
        if (article.child("source") || article.child("locations")) return CorpusFormat::geovirus;
    }
    source.fail(root.child("article"),
                "cannot tell the corpus format: no article has a docid, <title> or <toponyms> (LGL, TR-News) "
                "or a <source> or <locations> (GeoVirus)");
}

}  // namespace

std::vector<CorpusArticle> read_corpus(const std::string& path, CorpusFormat& format) {
    const std::string bytes = read_file_bytes(path);
    const Source source(path, bytes);
    pugi::xml_document document;
    const pugi::xml_parse_result parsed =
        document.load_buffer(bytes.data(), bytes.size(), pugi::parse_default, pugi::encoding_utf8);
    if (!parsed) {
        throw InputError(path, source.line_at(parsed.offset),
                         fmt::format("not well-formed XML at byte offset {}: {}", parsed.offset, parsed.description()));
    }
    const pugi::xml_node root = document.document_element();
    if (std::strcmp(root.name(), "articles") != 0) {
        source.fail(root, fmt::format("the root element is <{}>, not <articles>", root.name()));
    }
    if (!root.child("article")) source.fail(root, "no <article> in <articles>");
    format = detect_format(source, root);

    std::vector<CorpusArticle> articles;
    std::size_t position = 0;
    for (const pugi::xml_node node : root.children("article")) {
        ++position;
        CorpusArticle article;
        article.id = trim(node.attribute("docid").value());
        if (article.id.empty()) article.id = std::to_string(position);
        article.title = trim(element_text(node.child("title")));
        const pugi::xml_node text = node.child("text");
        if (!text) source.fail(node, fmt::format("article {}: no <text>", article.id));
        article.text = element_text(text);
        if (const auto bad = find_invalid_utf8(article.text); bad != std::string_view::npos) {
            source.fail(text,
                        fmt::format("article {}: <text> is not valid UTF-8 (byte {} of the text)", article.id, bad));
        }
        if (format == CorpusFormat::lgl) {
            read_lgl_toponyms(source, node, article);
        } else {
            read_geovirus_locations(source, node, article);
        }
        articles.push_back(std::move(article));
    }
    return articles;
}

std::vector<CorpusArticle> read_corpus(const std::string& path) {
    CorpusFormat format{};
    return read_corpus(path, format);
}

}  // namespace extract
