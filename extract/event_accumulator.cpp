#include "extract/event_accumulator.hpp"

#include <algorithm>
#include <set>
#include <string_view>
#include <utility>

#include "extract/event_extractor.hpp"
#include "gazetteer/name_index.hpp"

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
    bool added = false;
    const std::size_t at = find_or_add(e.event_id, added);
    if (added) {
        e.sources.push_back(std::move(head));
        slots_.push_back(Slot{std::move(e), std::move(more)});
        return;
    }
    Slot& slot = slots_[at];
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

std::size_t EventAccumulator::find_or_add(const std::string& event_id, bool& added) {
    if ((slots_.size() + 1) * 2 > index_.size()) grow();
    const std::uint64_t h = gazetteer::hash_key(event_id);
    const auto tag = static_cast<std::uint32_t>(h >> 32);
    const std::size_t mask = index_.size() - 1;
    for (std::size_t i = h & mask;; i = (i + 1) & mask) {
        Cell& cell = index_[i];
        if (cell.slot == 0) {  // new: its slot is the next one, which the caller fills
            cell = {static_cast<std::uint32_t>(slots_.size() + 1), tag};
            hashes_.push_back(h);
            added = true;
            return slots_.size();
        }
        if (cell.tag == tag && slots_[cell.slot - 1].event.event_id == event_id) {
            added = false;
            return cell.slot - 1;
        }
    }
}

void EventAccumulator::grow() {
    index_.assign(index_.empty() ? 1024 : index_.size() * 2, Cell{});
    const std::size_t mask = index_.size() - 1;
    for (std::size_t s = 0; s < hashes_.size(); ++s) {
        std::size_t i = hashes_[s] & mask;
        while (index_[i].slot != 0) i = (i + 1) & mask;
        index_[i] = {static_cast<std::uint32_t>(s + 1), static_cast<std::uint32_t>(hashes_[s] >> 32)};
    }
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
    hashes_.clear();
    return out;
}

}  // namespace extract
