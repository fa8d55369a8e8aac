#include "output/event_append.hpp"

#include <algorithm>

namespace output {

namespace {

std::filesystem::path layer_file(const std::filesystem::path& out_dir, Format format, const char* layer) {
    const std::vector<LayerData> layers = {{LayerSpec{layer, GeometryKind::point, {}, {}, {}}, {}}};
    return output_files(out_dir, layers, format).front();
}

}  // namespace

std::vector<MentionRecord> mention_records(const PlacesRead& places) {
    std::vector<MentionRecord> out;
    for (const auto& p : places.places) {
        const auto forms = p.mentions.empty() ? std::vector<std::string>{std::string(p.place.name)} : p.mentions;
        const auto count = std::max<std::int64_t>(p.mention_count, static_cast<std::int64_t>(forms.size()));
        for (std::size_t i = 0; i < forms.size(); ++i) {
            MentionRecord r;
            r.mention.text = forms[i];
            r.mention.place = p.place;
            r.mention.kind = extract::MentionKind::literal;
            // the layer keeps no count per form: the first form takes what the others do not
            r.count = i == 0 ? count - static_cast<std::int64_t>(forms.size() - 1) : 1;
            out.push_back(std::move(r));
        }
    }
    return out;
}

std::filesystem::path events_file(const std::filesystem::path& out_dir, Format format) {
    return layer_file(out_dir, format, "events");
}

PreviousOutput read_previous_output(const std::filesystem::path& out_dir, Format format) {
    PreviousOutput previous;
    const auto file = events_file(out_dir, format);
    if (!std::filesystem::exists(file)) return previous;
    previous.found = true;
    previous.events = read_events(file);
    std::shared_ptr<PlacesRead> places;
    try {
        places = std::make_shared<PlacesRead>(read_places(layer_file(out_dir, format, "places")));
    } catch (const std::runtime_error&) {
        return previous;  // no readable places layer: the places layer is rebuilt from the events and new mentions
    }
    previous.mentions = mention_records(*places);
    previous.places = places;
    return previous;
}

}  // namespace output
