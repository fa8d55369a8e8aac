#include <iostream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/command.hpp"
#include "gazetteer/gazetteer.hpp"

namespace cli {
namespace {

class GazetteerLookup : public Command {
public:
    void setup(CLI::App& app) override {
        app.add_option("name", name_, "Place name (any spelling the gazetteer holds)")->required();
        app.add_option("--country", options_.country, "Only places in this country (ISO 3166-1 alpha-2)");
        app.add_option("--limit", options_.limit, "At most this many candidates (0: all)")->capture_default_str();
        app.add_flag("--json", json_, "One JSON object per candidate");
    }

    void validate() override {
        if (!options_.country.empty() && options_.country.size() != 2) {
            throw UsageError(fmt::format("--country: '{}' is not a two-letter country code", options_.country));
        }
        for (auto& c : options_.country) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }

    int run(const GlobalOptions& global) override {
        const gazetteer::Gazetteer gaz(gazetteer::resolve_gazetteer_path(global.gazetteer));
        const auto candidates = gaz.lookup(name_, options_);
        for (const auto& c : candidates) {
            const auto& p = c.place;
            if (json_) {
                nlohmann::json j = {{"place_id", p.place_id},       {"name", p.name},
                                    {"feature_code", p.feature_code}, {"country_code", p.country_code},
                                    {"admin1", p.admin1_name},        {"population", p.population},
                                    {"latitude", p.latitude},         {"longitude", p.longitude},
                                    {"match", gazetteer::to_string(c.match)}, {"score", c.score}};
                std::cout << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
            } else {
                std::cout << fmt::format("{:<22} {:<28} {:<6} {:<2} {:<24} {:>10}  {:9.5f} {:10.5f}  {}\n", p.place_id,
                                         p.name, p.feature_code, p.country_code, p.admin1_name, p.population,
                                         p.latitude, p.longitude, gazetteer::to_string(c.match));
            }
        }
        if (candidates.empty()) {
            std::cerr << fmt::format("no place named '{}'{}\n", name_,
                                     options_.country.empty() ? "" : " in " + options_.country);
            return 1;
        }
        return 0;
    }

private:
    std::string name_;
    gazetteer::LookupOptions options_;
    bool json_ = false;
};

}  // namespace

std::unique_ptr<Command> make_gazetteer_lookup() { return std::make_unique<GazetteerLookup>(); }

}  // namespace cli
