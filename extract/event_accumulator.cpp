#include "extract/event_accumulator.hpp"

#include <algorithm>
#include <set>
#include <string_view>
#include <utility>

#include "extract/event_extractor.hpp"

namespace extract {
namespace {

void pack(std::string& more, const EventSource& s) {
    more += s.doc_id;
    more += '\x1f';
    more += s.url;
    more += '\x1e';
}

struct Packed {
    std::string_view doc_id;
    std::string_view url;
};

std::vector<Packed> unpack(std::string_view more) {
    std::vector<Packed> out;
    while (!more.empty()) {
        const auto unit = more.find('\x1f');
        const auto record = more.find('\x1e', unit);
        out.push_back({more.substr(0, unit), more.substr(unit + 1, record - unit - 1)});
        more.remove_prefix(record + 1);
    }
    return out;
}

}  // namespace

void EventAccumulator::add(std::vector<Event>& events) {
    for (auto& e : events) add(e);
    events.clear();
}

void EventAccumulator::add(Event& e) {
    if (e.sources.empty()) e.sources.emplace_back();
    // the report's own first source, by article id (first given among equals)
    const auto first = std::min_element(e.sources.begin(), e.sources.end(),
                                        [](const EventSource& a, const EventSource& b) { return a.doc_id < b.doc_id; });
    std::string more;
    for (auto it = e.sources.begin(); it != e.sources.end(); ++it) {
        if (it != first) pack(more, *it);
    }
    EventSource head = std::move(*first);
    e.sources.clear();
    const auto [found, inserted] = index_.try_emplace(e.event_id, slots_.size());
    if (inserted) {
        e.sources.push_back(std::move(head));
        slots_.push_back(Slot{std::move(e), std::move(more)});
        return;
    }
    Slot& slot = slots_[found->second];
    merge_event_fields(slot.event, e);
    EventSource& kept = slot.event.sources.front();
    if (head.doc_id < kept.doc_id) {
        pack(slot.more, kept);
        kept = std::move(head);
    } else {
        pack(slot.more, head);
    }
    slot.more += more;
}

std::vector<Event> EventAccumulator::take() {
    std::vector<Event> out;
    out.reserve(slots_.size());
    for (auto& slot : slots_) {
        Event& e = slot.event;
        if (!slot.more.empty()) {
            auto others = unpack(slot.more);
            std::stable_sort(others.begin(), others.end(), [](const Packed& a, const Packed& b) { return a.doc_id < b.doc_id; });
            others.erase(std::unique(others.begin(), others.end(), [](const Packed& a, const Packed& b) { return a.doc_id == b.doc_id; }),
                         others.end());
            const EventSource& first = e.sources.front();
            EventSource rest;
            std::set<std::string_view> urls = {first.url};
            for (const auto& o : others) {
                if (o.doc_id == first.doc_id) continue;
                if (!rest.doc_id.empty()) rest.doc_id += ';';
                rest.doc_id += o.doc_id;
                if (o.url.empty() || !urls.insert(o.url).second) continue;
                if (!rest.url.empty()) rest.url += ';';
                rest.url += o.url;
            }
            if (!rest.doc_id.empty()) e.sources.push_back(std::move(rest));
            std::string().swap(slot.more);
        }
        out.push_back(std::move(e));
    }
    slots_.clear();
    index_.clear();
    return out;
}

}  // namespace extract
