#pragma once
// The HTTP API of `geoevents serve`, without sockets: a request (method, path, query, content
// type, body) in, a JSON answer out. cli/http_server.hpp puts it behind cpp-httplib; tests call
// it directly.
//
// Routes (every answer is JSON, Content-Type application/json):
//   GET  /health                 200 {"status": "ok"}
//   POST /v1/places              200 {"id": ..., "mentions": [...]}: the mentions of the article,
//                                each an object of the `places` format (output/mention_json.hpp)
//   POST /v1/events              200 a GeoJSON FeatureCollection (RFC 7946) of the article's
//                                events: Point [longitude, latitude], "id" the event_id, and the
//                                properties the events layer has, under the same names
//                                (output/event_layers.hpp), null where the layer has no value
//   GET  /v1/gazetteer?name=N    200 {"name": N, "candidates": [...]}: best first, each with
//        [&country=CC][&limit=K]  place_id, name, feature_code, country_code, admin1, population,
//                                latitude, longitude, match and score (as `gazetteer lookup
//                                --json`); limit 1 to 1000, default 10
//
// The article of a POST: with Content-Type application/json (parameters such as charset are
// ignored) the body is one JSON article object {"id", "text", "title", "published", "url",
// "source"}, checked as a JSON Lines line is (extract::parse_article_json); with any other
// content type the body is the article text itself, its id and publication date taken from the
// query parameters `id` and `published` (YYYY-MM-DD). An article without an id is "article".
// Invalid UTF-8 is replaced by U+FFFD, as `places` does.
//
// Errors are {"error": "what is wrong"}: 400 for a malformed or invalid article or query (the
// message names the field), 404 for an unknown path, 405 (with `allow`) for a known path asked
// with another method, 500 when the pipeline throws (the message says what it threw).
#include <cstddef>
#include <filesystem>
#include <map>
#include <string>
#include <string_view>

#include "extract/casualty_counts.hpp"
#include "extract/event_lexicon.hpp"
#include "extract/geoparser.hpp"
#include "extract/lexicon.hpp"
#include "gazetteer/gazetteer.hpp"

namespace cli {

struct ApiRequest {
    std::string method;                       ///< "GET", "POST", ... (upper case)
    std::string path;                         ///< "/v1/places", without the query
    std::map<std::string, std::string> query;  ///< decoded query parameters (the first of each name)
    std::string content_type;                 ///< the Content-Type header; may be empty
    std::string body;
};

struct ApiResponse {
    int status = 200;
    std::string body;   ///< JSON
    std::string allow;  ///< 405: the methods the path takes ("GET", "POST")
};

/// {"error": message} (invalid UTF-8 in the message replaced).
std::string error_json(std::string_view message);

/// The API, built once and then shared read-only by the server's threads: handle() is const and
/// keeps no state between calls.
class ServeApi {
public:
    /// Loads the lexicons from `lexicon_dir` (extract::Lexicon::default_dir()); throws what their
    /// load() throws. `gazetteer` must outlive the ServeApi.
    ServeApi(const gazetteer::Gazetteer& gazetteer, const std::filesystem::path& lexicon_dir);
    ServeApi(const ServeApi&) = delete;
    ServeApi& operator=(const ServeApi&) = delete;

    /// The answer to one request, as described at the top of this file. Thread-safe. Never
    /// throws except std::bad_alloc: other exceptions of the pipeline become a 500 answer.
    /// Linear in the body's size (plus the pipeline's own cost).
    ApiResponse handle(ApiRequest request) const;

private:
    ApiResponse route(ApiRequest& request) const;
    ApiResponse places(ApiRequest& request) const;
    ApiResponse events(ApiRequest& request) const;
    ApiResponse lookup(const ApiRequest& request) const;

    const gazetteer::Gazetteer& gazetteer_;
    extract::Lexicon lexicon_;
    extract::EventLexicon event_lexicon_;
    extract::CasualtyLexicon casualty_lexicon_;
    extract::Geoparser geoparser_;
};

}  // namespace cli
