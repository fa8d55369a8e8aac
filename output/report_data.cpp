#include "output/report_data.hpp"

#include <algorithm>
#include <map>
#include <stdexcept>
#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>

namespace output {
namespace {

using extract::CivilDate;

constexpr std::int64_t kDailyUpTo = 92;      // days in a period drawn day by day
constexpr std::int64_t kWeeklyUpTo = 3 * 366;  // days in a period drawn week by week

CivilDate bin_start(const CivilDate& d, BinWidth bin) {
    switch (bin) {
        case BinWidth::day: return d;
        case BinWidth::week: return d.plus_days(-static_cast<std::int64_t>(d.weekday()));
        case BinWidth::month: return {d.year, d.month, 1};
    }
    return d;
}

CivilDate next_bin(const CivilDate& d, BinWidth bin) {
    switch (bin) {
        case BinWidth::day: return d.plus_days(1);
        case BinWidth::week: return d.plus_days(7);
        case BinWidth::month: return d.month == 12 ? CivilDate{d.year + 1, 1, 1} : CivilDate{d.year, d.month + 1, 1};
    }
    return d;
}

/// Accumulates the counts of a set of events.
class TotalsBuilder {
public:
    void add(const ReportEvent& e, std::size_t bin) {
        const auto f = e.fatalities.value_or(0);
        ++totals_.events;
        totals_.fatalities += f;
        if (!e.fatalities) ++totals_.without_fatalities;
        if (!totals_.first || e.date->start < *totals_.first) totals_.first = e.date->start;
        if (!totals_.last || e.date->end > *totals_.last) totals_.last = e.date->end;
        auto& t = types_[e.event_type];
        ++t.first;
        t.second += f;
        auto& s = sub_types_[{e.event_type, e.sub_event_type}];
        ++s.first;
        s.second += f;
        auto& p = places_[e.place_id.empty() ? e.place : e.place_id];
        if (p.name.empty()) p = {e.place.empty() ? e.place_id : e.place, e.place_id, 0, 0};
        ++p.events;
        p.fatalities += f;
        if (bin < series_.size()) {
            ++series_[bin].events;
            series_[bin].fatalities += f;
        }
    }

    ReportTotals finish(std::size_t top_places) {
        for (const auto& [type, c] : types_) totals_.by_type.push_back({type, "", c.first, c.second});
        std::sort(totals_.by_type.begin(), totals_.by_type.end(), [](const TypeCount& a, const TypeCount& b) {
            if (a.events != b.events) return a.events > b.events;
            if (a.fatalities != b.fatalities) return a.fatalities > b.fatalities;
            return a.event_type < b.event_type;
        });
        std::unordered_map<std::string, std::size_t> rank;
        for (std::size_t i = 0; i < totals_.by_type.size(); ++i) rank[totals_.by_type[i].event_type] = i;
        for (const auto& [key, c] : sub_types_) totals_.by_sub_type.push_back({key.first, key.second, c.first, c.second});
        std::stable_sort(totals_.by_sub_type.begin(), totals_.by_sub_type.end(), [&](const TypeCount& a, const TypeCount& b) {
            const auto ra = rank[a.event_type], rb = rank[b.event_type];
            if (ra != rb) return ra < rb;
            return a.events > b.events;
        });
        for (auto& [key, p] : places_) totals_.top_places.push_back(std::move(p));
        const auto by_count = [](const PlaceCount& a, const PlaceCount& b) {
            if (a.events != b.events) return a.events > b.events;
            if (a.fatalities != b.fatalities) return a.fatalities > b.fatalities;
            return a.name < b.name;
        };
        const auto keep = std::min(top_places, totals_.top_places.size());
        std::partial_sort(totals_.top_places.begin(), totals_.top_places.begin() + static_cast<std::ptrdiff_t>(keep),
                          totals_.top_places.end(), by_count);
        totals_.top_places.resize(keep);
        totals_.series = std::move(series_);
        return std::move(totals_);
    }

    explicit TotalsBuilder(std::vector<SeriesBin> empty_series) : series_(std::move(empty_series)) {}

private:
    ReportTotals totals_;
    std::map<std::string, std::pair<std::int64_t, std::int64_t>> types_;
    std::map<std::pair<std::string, std::string>, std::pair<std::int64_t, std::int64_t>> sub_types_;
    std::unordered_map<std::string, PlaceCount> places_;
    std::vector<SeriesBin> series_;
};

ReportEvent report_event(const EventsRead& read, std::size_t i) {
    const auto& e = read.events[i];
    ReportEvent r;
    r.event_id = e.event_id;
    r.date = e.date;
    r.place = std::string(e.place.name);
    r.place_id = std::string(e.place.place_id);
    r.event_type = e.event_type;
    r.sub_event_type = e.sub_event_type;
    r.fatalities = e.fatalities;
    if (!e.sources.empty()) r.source = e.sources.front().doc_id.empty() ? e.sources.front().url : e.sources.front().doc_id;
    r.source_count = e.sources.size();
    r.point = i < read.points.size() ? read.points[i] : geo::LatLon{e.place.latitude, e.place.longitude};
    return r;
}

/// What a region is called by --region: its code, or its name when it has none.
const std::string& key_of(const ReportRegion& r) { return r.code.empty() ? r.name : r.code; }

}  // namespace

void LonLatBox::add(double lon, double lat) noexcept {
    if (empty) {
        west = east = lon;
        south = north = lat;
        empty = false;
        return;
    }
    west = std::min(west, lon);
    east = std::max(east, lon);
    south = std::min(south, lat);
    north = std::max(north, lat);
}

void LonLatBox::add(const LonLatBox& other) noexcept {
    if (other.empty) return;
    add(other.west, other.south);
    add(other.east, other.north);
}

bool LonLatBox::intersects(const LonLatBox& other) const noexcept {
    return !empty && !other.empty && west <= other.east && other.west <= east && south <= other.north &&
           other.south <= north;
}

std::string iso_or_empty(const std::optional<extract::CivilDate>& date) { return date ? date->to_iso() : std::string(); }

std::string date_text(const extract::EventDate& date) {
    return date.start == date.end ? date.start.to_iso() : fmt::format("{} to {}", date.start.to_iso(), date.end.to_iso());
}

std::string period_text(const ReportData& data) {
    if (data.from && data.to) return fmt::format("{} to {}", data.from->to_iso(), data.to->to_iso());
    if (data.from) return fmt::format("from {}", data.from->to_iso());
    if (data.to) return fmt::format("up to {}", data.to->to_iso());
    return "all dates";
}

std::string covered_text(const ReportTotals& totals) {
    if (!totals.first || !totals.last) return "none";
    return totals.first == totals.last ? totals.first->to_iso()
                                       : fmt::format("{} to {}", totals.first->to_iso(), totals.last->to_iso());
}

std::string count_text(std::int64_t count) {
    const auto digits = std::to_string(count < 0 ? -count : count);
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return count < 0 ? "-" + out : out;
}

std::string region_label(const ReportRegion& region) {
    return region.code.empty() || region.code == region.name ? region.name
                                                             : fmt::format("{} ({})", region.name, region.code);
}

ReportData build_report(const EventsRead& read, const RegionLayer* layer, const ReportOptions& options) {
    if (options.from && options.to && *options.to < *options.from) {
        throw std::runtime_error(
            fmt::format("the period's end {} is before its start {}", options.to->to_iso(), options.from->to_iso()));
    }
    ReportData data;
    data.source = read.file;
    data.from = options.from;
    data.to = options.to;
    data.has_polygons = layer != nullptr;

    // 1. The regions, and the region of every event.
    std::vector<ReportRegion> regions;
    std::vector<std::size_t> region_of(read.events.size());
    if (layer) {
        data.regions_file = layer->path;
        data.regions_source = layer->layer.empty() ? layer->path : fmt::format("{}:{}", layer->path, layer->layer);
        for (const auto& r : layer->regions) {
            ReportRegion rr;
            rr.name = r.name;
            rr.code = r.code;
            rr.geometry = r.geometry;
            rr.wkt = r.wkt;
            for (const auto& poly : r.geometry) {
                for (const auto& pt : poly.outer()) rr.box.add(pt.x(), pt.y());
            }
            regions.push_back(std::move(rr));
        }
        const auto index = make_region_index(*layer);
        ReportRegion outside;
        outside.name = "Outside the regions";
        outside.outside = true;
        regions.push_back(std::move(outside));
        for (std::size_t i = 0; i < read.events.size(); ++i) {
            const auto& e = read.events[i];
            const geo::LatLon p = i < read.points.size() ? read.points[i] : geo::LatLon{e.place.latitude, e.place.longitude};
            region_of[i] = index.locate(p).value_or(regions.size() - 1);
        }
    } else {
        std::unordered_map<std::string, std::size_t> by_key;
        std::vector<std::pair<std::string, std::string>> found;  // name, code
        std::vector<std::size_t> pending(read.events.size(), SIZE_MAX);
        for (std::size_t i = 0; i < read.events.size(); ++i) {
            std::string name, code;
            if (i < read.regions.size()) {
                name = read.regions[i].name;
                code = read.regions[i].code;
            }
            if (name.empty() && code.empty()) name = std::string(read.events[i].place.admin1_name);
            if (name.empty() && code.empty()) continue;
            const std::string key = code.empty() ? "name:" + name : "code:" + code;
            const auto [it, fresh] = by_key.emplace(key, found.size());
            if (fresh) found.emplace_back(name.empty() ? code : name, code);
            pending[i] = it->second;
        }
        // by name, so that the order does not depend on the layer's
        std::vector<std::size_t> order(found.size());
        for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
        std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return found[a] < found[b]; });
        std::vector<std::size_t> position(found.size());
        for (std::size_t i = 0; i < order.size(); ++i) {
            position[order[i]] = i;
            ReportRegion rr;
            rr.name = found[order[i]].first;
            rr.code = found[order[i]].second;
            regions.push_back(std::move(rr));
        }
        ReportRegion none;
        none.name = "No region";
        none.outside = true;
        regions.push_back(std::move(none));
        for (std::size_t i = 0; i < read.events.size(); ++i) {
            region_of[i] = pending[i] == SIZE_MAX ? regions.size() - 1 : position[pending[i]];
        }
    }

    // 2. The regions kept.
    std::vector<bool> kept(regions.size(), options.regions.empty());
    for (const auto& wanted : options.regions) {
        bool known = false;
        for (std::size_t r = 0; r + 1 < regions.size(); ++r) {
            if (key_of(regions[r]) == wanted) kept[r] = known = true;
        }
        if (!known) {
            std::vector<std::string> keys;
            for (std::size_t r = 0; r + 1 < regions.size(); ++r) keys.push_back(key_of(regions[r]));
            std::sort(keys.begin(), keys.end());
            keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
            const std::string where = layer ? fmt::format("the regions of {}", data.regions_source)
                                            : fmt::format("the regions of the events in {}", read.file.string());
            const std::size_t shown = std::min<std::size_t>(keys.size(), 30);
            throw std::runtime_error(fmt::format(
                "--region: no region has the code '{}' in {} (known: {}{})", wanted, where,
                keys.empty() ? std::string("none") : fmt::format("{}", fmt::join(keys.begin(), keys.begin() + static_cast<std::ptrdiff_t>(shown), ", ")),
                shown < keys.size() ? fmt::format(", and {} more", keys.size() - shown) : std::string()));
        }
    }

    // 3. The events kept: dated ones in the period, undated ones apart; the sources of the first.
    std::unordered_map<std::string, std::int64_t> sources;
    for (std::size_t i = 0; i < read.events.size(); ++i) {
        if (!kept[region_of[i]]) continue;
        const auto& e = read.events[i];
        if (!e.date) {
            auto r = report_event(read, i);
            r.region = region_of[i];
            data.undated.push_back(std::move(r));
            continue;
        }
        if ((options.from && e.date->end < *options.from) || (options.to && e.date->start > *options.to)) {
            ++data.outside_period;
            continue;
        }
        auto r = report_event(read, i);
        r.region = region_of[i];
        data.events.push_back(std::move(r));
        for (const auto& src : e.sources) {
            const auto& id = src.doc_id.empty() ? src.url : src.doc_id;
            if (!id.empty()) ++sources[id];
        }
    }
    std::sort(data.events.begin(), data.events.end(), [](const ReportEvent& a, const ReportEvent& b) {
        if (a.date->start != b.date->start) return a.date->start < b.date->start;
        return a.event_id < b.event_id;
    });
    std::sort(data.undated.begin(), data.undated.end(),
              [](const ReportEvent& a, const ReportEvent& b) { return a.event_id < b.event_id; });

    // 4. The series' range and bins.
    std::optional<CivilDate> first = options.from, last = options.to;
    for (const auto& e : data.events) {
        if (!options.from && (!first || e.date->start < *first)) first = e.date->start;
        if (!options.to && (!last || e.date->end > *last)) last = e.date->end;
    }
    std::vector<SeriesBin> bins;
    std::vector<std::size_t> bin_of(data.events.size(), SIZE_MAX);
    if (first && last) {
        const auto days = last->to_days() - first->to_days() + 1;
        data.bin = days <= kDailyUpTo ? BinWidth::day : days <= kWeeklyUpTo ? BinWidth::week : BinWidth::month;
        for (auto d = bin_start(*first, data.bin); d <= *last; d = next_bin(d, data.bin)) bins.push_back({d, 0, 0});
        for (std::size_t i = 0; i < data.events.size(); ++i) {
            // an event counts on its first day within the period
            const auto day = std::max(data.events[i].date->start, *first);
            const auto start = bin_start(day, data.bin);
            const auto it = std::lower_bound(bins.begin(), bins.end(), start,
                                             [](const SeriesBin& b, const CivilDate& d) { return b.start < d; });
            if (it != bins.end() && it->start == start) bin_of[i] = static_cast<std::size_t>(it - bins.begin());
        }
    }

    // 5. Counts.
    TotalsBuilder all(bins);
    std::vector<TotalsBuilder> per_region(regions.size(), TotalsBuilder(bins));
    for (std::size_t i = 0; i < data.events.size(); ++i) {
        const auto& e = data.events[i];
        all.add(e, bin_of[i]);
        per_region[e.region].add(e, bin_of[i]);
        regions[e.region].events.push_back(i);
    }
    for (std::size_t i = 0; i < data.undated.size(); ++i) regions[data.undated[i].region].undated.push_back(i);
    data.totals = all.finish(options.top_places);
    for (const auto& t : data.totals.by_type) data.event_types.push_back(t.event_type);
    for (std::size_t r = 0; r < regions.size(); ++r) regions[r].totals = per_region[r].finish(options.top_places);
    data.source_count = sources.size();
    data.top_sources.assign(sources.begin(), sources.end());
    std::sort(data.top_sources.begin(), data.top_sources.end(), [](const auto& a, const auto& b) {
        return a.second != b.second ? a.second > b.second : a.first < b.first;
    });
    if (data.top_sources.size() > 10) data.top_sources.resize(10);

    // 6. The regions kept, in report order, with the events' region indices renumbered.
    std::vector<std::size_t> order;
    for (std::size_t r = 0; r < regions.size(); ++r) {
        if (!kept[r]) continue;
        if (regions[r].outside && regions[r].events.empty() && regions[r].undated.empty()) continue;
        order.push_back(r);
    }
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        const auto& ra = regions[a];
        const auto& rb = regions[b];
        if (ra.outside != rb.outside) return rb.outside;
        if (ra.totals.events != rb.totals.events) return ra.totals.events > rb.totals.events;
        if (ra.name != rb.name) return ra.name < rb.name;
        return ra.code < rb.code;
    });
    std::vector<std::size_t> renumber(regions.size(), SIZE_MAX);
    for (std::size_t i = 0; i < order.size(); ++i) {
        renumber[order[i]] = i;
        data.regions.push_back(std::move(regions[order[i]]));
    }
    for (auto& e : data.events) e.region = renumber[e.region];
    for (auto& e : data.undated) e.region = renumber[e.region];
    return data;
}

}  // namespace output
