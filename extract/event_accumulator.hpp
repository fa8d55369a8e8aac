#pragma once
// The events of a stream of articles, merged by event_id as they come (as merge_events merges
// them), in memory that grows with the distinct events and a few bytes a report, not with the
// reports themselves: an event keeps its first source (by article id: the one whose sentence the
// layers show) whole, and of the others only article id and URL, packed in one string.
//
// take() gives every event with its sources as the layers write them: the first source, then,
// when there are others, one more EventSource whose doc_id is the other article ids in order,
// joined by ';', and whose url is their URLs in that order, empty and repeated ones (and the
// first source's) left out, joined by ';'. output/event_layers.hpp's `sources` and
// `source_urls` come out exactly as from merge_events' one-source-per-article list.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "extract/event.hpp"

namespace extract {

class EventAccumulator {
public:
    /// Adds events (moved from; the vector is left empty).
    void add(std::vector<Event>& events);
    /// Every event added, merged, in order of first addition; the accumulator is left empty.
    std::vector<Event> take();
    std::size_t size() const noexcept { return slots_.size(); }  ///< distinct events so far
    /// Calls f(event) for every event so far, merged, with its first source only.
    template <typename F>
    void for_each(F&& f) const {
        for (const auto& slot : slots_) f(slot.event);
    }

private:
    struct Slot {
        Event event;       // sources: its first source only
        std::string more;  // the other sources: doc_id '\x1f' url '\x1e', in arrival order, maybe repeated
    };
    void add(Event& e);
    // The slot of an event id: open addressing over (slot number + 1, high half of the id's
    // hash) cells, at most half full, so a probe rarely reads a slot that is not the one.
    struct Cell {
        std::uint32_t slot = 0;  // 0: empty
        std::uint32_t tag = 0;   // the hash's high 32 bits
    };
    std::size_t find_or_add(const std::string& event_id, bool& added);
    void grow();

    std::vector<Cell> index_;
    std::vector<std::uint64_t> hashes_;  // per slot: gazetteer::hash_key of its event_id
    std::vector<Slot> slots_;
};

}  // namespace extract
