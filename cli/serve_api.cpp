#include "cli/serve_api.hpp"

#include "output/feature_json.hpp"

#include <algorithm>
#include <charconv>
#include <exception>
#include <variant>

#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <simdjson.h>

#include "extract/codepoints.hpp"
#include "extract/dates.hpp"
#include "extract/event_extractor.hpp"
#include "extract/input_reader.hpp"
#include "output/event_layers.hpp"
#include "output/feature_json.hpp"
#include "output/mention_json.hpp"

namespace cli {
namespace {

using Json = nlohmann::ordered_json;  // keys in the order written: the layer's field order

constexpr std::string_view kDefaultId = "article";
constexpr std::size_t kMaxLimit = 1000;

std::string dump(const Json& j) { return j.dump(-1, ' ', false, Json::error_handler_t::replace); }

ApiResponse error(int status, std::string_view message) { return {status, error_json(message), {}}; }

/// A 400 answer whose message is an extract::parse_article_json() message or similar.
struct BadRequest {
    std::string message;
};

bool is_json_content_type(std::string_view content_type) {
    const auto semicolon = content_type.find(';');
    std::string_view media = content_type.substr(0, semicolon);
    while (!media.empty() && (media.back() == ' ' || media.back() == '\t')) media.remove_suffix(1);
    while (!media.empty() && (media.front() == ' ' || media.front() == '\t')) media.remove_prefix(1);
    constexpr std::string_view json = "application/json";
    return media.size() == json.size() && std::equal(media.begin(), media.end(), json.begin(), [](char a, char b) {
               return (a >= 'A' && a <= 'Z' ? static_cast<char>(a - 'A' + 'a') : a) == b;
           });
}

std::string query_value(const ApiRequest& request, const std::string& name) {
    const auto it = request.query.find(name);
    return it == request.query.end() ? std::string() : it->second;
}

/// The article of a POST body (see serve_api.hpp), or what is wrong with it.
std::variant<extract::Document, BadRequest> read_article(ApiRequest& request) {
    extract::Document doc;
    if (is_json_content_type(request.content_type)) {
        simdjson::dom::parser parser;
        if (auto message = extract::parse_article_json(request.body, kDefaultId, parser, doc); !message.empty()) {
            return BadRequest{"article: " + message};
        }
        return doc;
    }
    doc.id = query_value(request, "id");
    if (doc.id.empty()) doc.id = kDefaultId;
    doc.published = query_value(request, "published");
    if (!doc.published.empty() && !extract::is_iso_date(doc.published)) {
        return BadRequest{"query parameter 'published' is not a date (YYYY-MM-DD)"};
    }
    doc.text = std::move(request.body);
    doc.replaced_bytes = extract::replace_invalid_utf8(doc.text);
    if (doc.text.find_first_not_of(" \t\r\n\f\v") == std::string::npos) {
        return BadRequest{"the body holds no article text (send the text, or a JSON article object with "
                          "Content-Type application/json)"};
    }
    return doc;
}

/// The events layer as a GeoJSON FeatureCollection: properties named as the layer's fields.
std::string feature_collection(const output::LayerData& layer) {
    const auto& [spec, features] = layer;
    std::string out = R"({"type":"FeatureCollection","features":[)";
    for (std::size_t i = 0; i < features.size(); ++i) {
        if (i > 0) out += ',';
        output::append_feature_json(out, spec, features[i]);
    }
    return out + "]}";
}

}  // namespace

std::string error_json(std::string_view message) { return dump(Json{{"error", std::string(message)}}); }

ServeApi::ServeApi(const gazetteer::Gazetteer& gazetteer, const std::filesystem::path& lexicon_dir)
    : gazetteer_(gazetteer),
      lexicon_(extract::Lexicon::load(lexicon_dir)),
      event_lexicon_(extract::EventLexicon::load(lexicon_dir)),
      casualty_lexicon_(extract::CasualtyLexicon::load(lexicon_dir)),
      geoparser_(gazetteer_, lexicon_) {}

ApiResponse ServeApi::handle(ApiRequest request) const {
    try {
        return route(request);
    } catch (const std::bad_alloc&) {
        throw;
    } catch (const std::exception& e) {
        return error(500, fmt::format("internal error: {}", e.what()));
    }
}

ApiResponse ServeApi::route(ApiRequest& request) const {
    struct Route {
        std::string_view path;
        std::string_view method;
        ApiResponse (ServeApi::*post)(ApiRequest&) const;
        ApiResponse (ServeApi::*get)(const ApiRequest&) const;
    };
    static constexpr Route routes[] = {
        {"/health", "GET", nullptr, nullptr},
        {"/v1/places", "POST", &ServeApi::places, nullptr},
        {"/v1/events", "POST", &ServeApi::events, nullptr},
        {"/v1/gazetteer", "GET", nullptr, &ServeApi::lookup},
    };
    for (const auto& r : routes) {
        if (request.path != r.path) continue;
        const bool head_of_get = r.method == "GET" && request.method == "HEAD";
        if (request.method != r.method && !head_of_get) {
            ApiResponse answer = error(405, fmt::format("{} takes {} only, not {}", r.path, r.method, request.method));
            answer.allow = std::string(r.method);
            return answer;
        }
        if (r.post) return (this->*r.post)(request);
        if (r.get) return (this->*r.get)(request);
        return {200, R"({"status":"ok"})", {}};
    }
    return error(404, fmt::format("no such path: {} (try /health, /v1/places, /v1/events, /v1/gazetteer)",
                                  request.path));
}

ApiResponse ServeApi::places(ApiRequest& request) const {
    auto article = read_article(request);
    if (const auto* bad = std::get_if<BadRequest>(&article)) return error(400, bad->message);
    const auto& doc = std::get<extract::Document>(article);
    const auto mentions = geoparser_.parse(doc);
    const extract::CodepointIndex index(doc.text);
    std::string lines;
    for (const auto& m : mentions) output::append_mention_json(lines, doc, index, m);
    // one object a line, each ending in '\n' (never inside a string): the lines make the array
    std::replace(lines.begin(), lines.end(), '\n', ',');
    if (!lines.empty()) lines.pop_back();
    std::string body = dump(Json{{"id", doc.id}});
    body.pop_back();  // the closing brace
    body += ",\"mentions\":[";
    body += lines;
    body += "]}";
    return {200, std::move(body), {}};
}

ApiResponse ServeApi::events(ApiRequest& request) const {
    auto article = read_article(request);
    if (const auto* bad = std::get_if<BadRequest>(&article)) return error(400, bad->message);
    const auto& doc = std::get<extract::Document>(article);
    const auto tokenized = extract::tokenize_and_fold(doc.text);
    const auto mentions = geoparser_.parse(doc, tokenized);
    std::vector<output::MentionRecord> records;
    for (const auto& m : mentions) {
        if (m.place && m.kind == extract::MentionKind::literal) records.push_back({doc.id, m});
    }
    const auto events = extract::extract_events(doc, tokenized, mentions, event_lexicon_, casualty_lexicon_);
    const auto layers = output::event_layers(events, records, gazetteer_, {});
    const auto layer = std::find_if(layers.begin(), layers.end(), [](const output::LayerData& l) { return l.first.name == "events"; });
    if (layer == layers.end()) return error(500, "internal error: no events layer");
    return {200, feature_collection(*layer), {}};
}

ApiResponse ServeApi::lookup(const ApiRequest& request) const {
    const std::string name = query_value(request, "name");
    if (name.empty()) return error(400, "query parameter 'name' is missing (GET /v1/gazetteer?name=Aleppo)");
    gazetteer::LookupOptions options;
    options.country = query_value(request, "country");
    if (!options.country.empty()) {
        if (options.country.size() != 2) return error(400, "query parameter 'country' is not a two-letter country code");
        for (auto& c : options.country) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
    }
    if (const std::string limit = query_value(request, "limit"); !limit.empty()) {
        std::size_t value = 0;
        const auto [end, ec] = std::from_chars(limit.data(), limit.data() + limit.size(), value);
        if (ec != std::errc() || end != limit.data() + limit.size() || value < 1 || value > kMaxLimit) {
            return error(400, fmt::format("query parameter 'limit' is not a number from 1 to {}", kMaxLimit));
        }
        options.limit = value;
    }
    Json candidates = Json::array();
    for (const auto& c : gazetteer_.lookup(name, options)) {
        const auto& p = c.place;
        candidates.push_back({{"place_id", p.place_id},       {"name", p.name},
                              {"feature_code", p.feature_code}, {"country_code", p.country_code},
                              {"admin1", p.admin1_name},        {"population", p.population},
                              {"latitude", p.latitude},         {"longitude", p.longitude},
                              {"match", gazetteer::to_string(c.match)}, {"score", c.score}});
    }
    return {200, dump(Json{{"name", name}, {"candidates", std::move(candidates)}}), {}};
}

}  // namespace cli
