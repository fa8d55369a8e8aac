#include "extract/document_resolver.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <span>
#include <string>
#include <unordered_map>

#include "gazetteer/rank.hpp"
#include "gazetteer/resolver_score.hpp"
#include "geo/distance.hpp"

namespace extract {
namespace {

constexpr std::size_t kMaxCandidates = 40;    // per mention, by prior
constexpr std::size_t kNeighbourWindow = 12;  // mentions each side considered for proximity
constexpr double kMinConfidence = 0.08;       // below: "no good candidate"
constexpr std::int64_t kCityWithQuarters = 500'000;  // a city whose parts news names by compass

bool is_coarse(const gazetteer::PlaceView& p) {
    const auto c = p.feature_code;
    return c.substr(0, 3) == "PCL" || c == "CONT" || c == "RGN" || c == "TERR" || c == "ADM1";
}

gazetteer::WantedLevel wanted(const Qualifier& q) {
    switch (q.level) {
        case AdminLevel::admin1: return gazetteer::WantedLevel::admin1;
        case AdminLevel::admin2: return gazetteer::WantedLevel::admin2;
        case AdminLevel::city: return gazetteer::WantedLevel::city;
        case AdminLevel::none: return gazetteer::WantedLevel::none;
    }
    return gazetteer::WantedLevel::none;
}

// A country code as a number ("SY" -> 0x5359): codes have two letters, or three for a few
// custom lists; longer ones fall back to their first three bytes.
std::uint32_t country_key(std::string_view cc) {
    std::uint32_t k = 0;
    for (std::size_t i = 0; i < cc.size() && i < 3; ++i) k = (k << 8) | static_cast<unsigned char>(cc[i]);
    return k;
}

struct Candidate {
    gazetteer::Posting posting;
    gazetteer::PlaceView place;
    double prior = 0.0;
    double x = 0, y = 0, z = 0;  // unit vector: distances by dot product, without trigonometry per pair
    bool coarse = false;         // a country, region or first-level division: too large to be a neighbour
    std::uint32_t country = 0;   // country_key() of the place's country code
    std::uint64_t admin1 = 0;    // gazetteer::hash_key() of its admin1 code (0 when it has none)
    std::int64_t namesake = -1;  // gazetteer::namesake_place_inside() among the list's candidates
    gazetteer::PlaceFacts facts{};  // gazetteer::place_facts()
    bool pcl = false;             // a country (PCL*)
    double prior_share = 0.0;     // of the list's first kFocusCandidates by softmax of priors (0 beyond)
};

// The candidates of a list that share its vote for the document's countries.
constexpr std::size_t kFocusCandidates = 10;

constexpr double kDegToRad = 3.14159265358979323846 / 180.0;

void set_unit_vector(Candidate& c) {
    const double lat = c.place.latitude * kDegToRad, lon = c.place.longitude * kDegToRad;
    c.x = std::cos(lat) * std::cos(lon);
    c.y = std::cos(lat) * std::sin(lon);
    c.z = std::sin(lat);
}

// Great-circle distance in km from the dot product of two unit vectors.
double km_from_dot(double dot) { return geo::kEarthRadiusKm * std::acos(std::clamp(dot, -1.0, 1.0)); }

// The candidates of a list of postings, best prior first, at most kMaxCandidates.
std::vector<Candidate> candidates_of(std::span<const gazetteer::Posting> postings, const gazetteer::Gazetteer& gaz) {
    std::vector<Candidate> cs;
    cs.reserve(postings.size());
    for (const auto p : postings) {
        const auto place = gaz.place(p.place());
        cs.push_back(Candidate{p, place, gazetteer::candidate_score(place, p.kind())});
    }
    std::stable_sort(cs.begin(), cs.end(), [](const Candidate& a, const Candidate& b) { return a.prior > b.prior; });
    if (cs.size() > kMaxCandidates) cs.resize(kMaxCandidates);
    for (auto& c : cs) {
        set_unit_vector(c);
        c.coarse = is_coarse(c.place);
        c.facts = gazetteer::place_facts(c.place);
        c.pcl = c.place.feature_code.substr(0, 3) == "PCL";
        c.country = country_key(c.place.country_code);
        c.admin1 = c.place.admin1_code.empty() ? 0 : gazetteer::hash_key(c.place.admin1_code);
    }
    const auto place_of = [](const Candidate& o) -> const gazetteer::PlaceView& { return o.place; };
    for (auto& c : cs) c.namesake = gazetteer::namesake_place_inside(c.place, cs, place_of);
    const std::size_t n = std::min(cs.size(), kFocusCandidates);
    double sum = 0.0;
    for (std::size_t c = 0; c < n; ++c) sum += std::exp(cs[c].prior - cs.front().prior);
    for (std::size_t c = 0; c < n; ++c) cs[c].prior_share = std::exp(cs[c].prior - cs.front().prior) / sum;
    return cs;
}

// A memo of candidate lists by postings, one a thread: news names the same places in article
// after article, and a list costs a place view, a prior, a sort and a unit vector a candidate.
// Bounded (emptied when full) and tied to one gazetteer (Gazetteer::instance()), whose places
// the lists view.
class CandidateMemo {
public:
    /// Called before a document's first get(): the lists get() hands out stay valid until the
    /// next call of this.
    void start_document(const gazetteer::Gazetteer& gaz) {
        if (gaz.instance() != gazetteer_ || candidates_ >= kMaxCandidatesKept) {
            lists_.clear();
            candidates_ = 0;
            gazetteer_ = gaz.instance();
        }
    }

    const std::vector<Candidate>& get(std::span<const gazetteer::Posting> postings, const gazetteer::Gazetteer& gaz) {
        key_.assign(reinterpret_cast<const char*>(postings.data()), postings.size() * sizeof(gazetteer::Posting));
        auto it = lists_.find(key_);
        if (it == lists_.end()) {
            it = lists_.emplace(key_, candidates_of(postings, gaz)).first;
            candidates_ += it->second.size() + 1;
        }
        return it->second;
    }

private:
    // about 200 bytes a candidate: at most some 15 MB a thread
    static constexpr std::size_t kMaxCandidatesKept = 65536;
    std::size_t candidates_ = 0;  // in lists_ (plus one a list)
    std::uint64_t gazetteer_ = 0;
    std::string key_;
    std::unordered_map<std::string, std::vector<Candidate>> lists_;
};

// Sums of doubles by integer key for one document at a time: open addressing, and clear()
// empties only the slots used, so that a table kept from document to document costs no
// allocation and no sweep of its whole capacity. (std::unordered_map allocated a node a key.)
template <typename Key>
class SumTable {
public:
    void clear() {
        for (const auto i : used_) occupied_[i] = 0;
        used_.clear();
    }
    double& operator[](Key key) {
        if (2 * (used_.size() + 1) > keys_.size()) grow();
        std::size_t i = slot(key);
        while (occupied_[i] && keys_[i] != key) i = (i + 1) & (keys_.size() - 1);
        if (!occupied_[i]) {
            occupied_[i] = 1;
            keys_[i] = key;
            values_[i] = 0.0;
            used_.push_back(static_cast<std::uint32_t>(i));
        }
        return values_[i];
    }
    /// The sum of `key`, 0 when it has none.
    double get(Key key) const noexcept {
        if (keys_.empty()) return 0.0;
        for (std::size_t i = slot(key);; i = (i + 1) & (keys_.size() - 1)) {
            if (!occupied_[i]) return 0.0;
            if (keys_[i] == key) return values_[i];
        }
    }
    void divide_all(double d) {
        for (const auto i : used_) values_[i] /= d;
    }

private:
    std::size_t slot(Key key) const noexcept {
        return static_cast<std::size_t>((static_cast<std::uint64_t>(key) * 0x9E3779B97F4A7C15ULL) >> 40) & (keys_.size() - 1);
    }
    void grow() {
        std::vector<std::pair<Key, double>> kept;
        kept.reserve(used_.size());
        for (const auto i : used_) kept.emplace_back(keys_[i], values_[i]);
        const std::size_t size = keys_.empty() ? 64 : 2 * keys_.size();
        keys_.assign(size, Key{});
        values_.assign(size, 0.0);
        occupied_.assign(size, 0);
        used_.clear();
        for (const auto& [k, v] : kept) (*this)[k] = v;
    }
    std::vector<Key> keys_;
    std::vector<double> values_;
    std::vector<std::uint8_t> occupied_;
    std::vector<std::uint32_t> used_;  // occupied slots, in the order their keys came
};

// One a thread, started anew for each document: its lists and maps keep their memory from
// document to document instead of allocating it again.
class DocumentResolver {
public:
    void start(const std::vector<MentionEvidence>& mentions, const gazetteer::Gazetteer& gaz) {
        mentions_ = &mentions;
        const std::size_t n = mentions.size();
        lists_.clear();
        list_of_.resize(n);
        key_id_.resize(n);
        chosen_.assign(n, -1);
        confidence_.assign(n, 0.0);
        if (first_scores_.size() < n) first_scores_.resize(n);
        for (std::size_t i = 0; i < n; ++i) first_scores_[i].clear();
        focus_.clear();
        admin1_focus_.clear();
        memo_.start_document(gaz);
        // A name repeated in the document shares its candidates with its first mention.
        first_of_.clear();
        for (std::size_t i = 0; i < n; ++i) {
            const auto [it, first] = first_of_.emplace(mentions[i].key, i);
            key_id_[i] = it->second;
            if (!first && mentions[it->second].raw->postings.size() == mentions[i].raw->postings.size()) {
                list_of_[i] = list_of_[it->second];
                continue;
            }
            list_of_[i] = lists_.size();
            lists_.push_back(&memo_.get(mentions[i].raw->postings, gaz));
        }
    }

    std::vector<Resolution> population_baseline() {
        std::vector<Resolution> out(mentions_->size());
        for (std::size_t i = 0; i < mentions_->size(); ++i) {
            const auto& cs = cands(i);
            if (cs.empty()) continue;
            const auto best = std::max_element(cs.begin(), cs.end(), [](const Candidate& a, const Candidate& b) {
                return a.place.population < b.place.population;
            });
            out[i] = Resolution{best->posting, 1.0 / static_cast<double>(cs.size())};
        }
        return out;
    }

    std::vector<Resolution> run() {
        compute_focus();
        // Containers first, so that what they contain can use them; then everything with the
        // first choices as neighbours.
        for (int pass = 0; pass < 2; ++pass) {
            const bool use_proximity = pass == 1;
            if (pass == 1) compute_admin1_focus();
            for (int containers = 1; containers >= 0; --containers) {
                for (std::size_t i = 0; i < mentions_->size(); ++i) {
                    if ((*mentions_)[i].is_container == (containers == 1)) choose(i, use_proximity);
                }
            }
        }
        one_sense_per_discourse();
        std::vector<Resolution> out(mentions_->size());
        for (std::size_t i = 0; i < mentions_->size(); ++i) {
            if (chosen_[i] >= 0 && confidence_[i] >= kMinConfidence) {
                out[i] = Resolution{cands(i)[static_cast<std::size_t>(chosen_[i])].posting, confidence_[i]};
            }
        }
        return out;
    }

private:
    // The share of the document's evidence in each country: every distinct name votes once for the countries
    // of its likely candidates; countries and demonyms vote for themselves at full weight.
    void compute_focus() {
        double total = 0.0;
        for (const auto* list : lists_) {
            const auto& cs = *list;
            if (cs.empty()) continue;
            const auto& top = cs.front();
            if (top.pcl || top.posting.kind() == gazetteer::MatchKind::demonym) {
                focus_[top.country] += 1.0;
                total += 1.0;
                continue;
            }
            const std::size_t n = std::min(cs.size(), kFocusCandidates);
            for (std::size_t c = 0; c < n; ++c) focus_[cs[c].country] += cs[c].prior_share;
            total += 1.0;
        }
        if (total > 0) {
            focus_.divide_all(total);
        }
    }

    // Where the first readings lie, by first-level division, each mention's weight spread over
    // its candidates by their first-pass scores: local news keeps to a few divisions, and names
    // that agree on one ("Paris" and "Henry County" both in Tennessee) pull each other there.
    void compute_admin1_focus() {
        admin1_focus_.clear();
        double total = 0.0;
        for (std::size_t i = 0; i < mentions_->size(); ++i) {
            const auto& cs = cands(i);
            const auto& scores = first_scores_[i];
            if (cs.empty() || scores.empty()) continue;
            const std::size_t n = std::min(cs.size(), kFocusCandidates);
            const double best = *std::max_element(scores.begin(), scores.begin() + static_cast<std::ptrdiff_t>(n));
            std::array<double, kFocusCandidates> weight{};
            double sum = 0.0;
            for (std::size_t c = 0; c < n; ++c) {
                weight[c] = std::exp(scores[c] - best);
                sum += weight[c];
            }
            for (std::size_t c = 0; c < n; ++c) {
                const auto& p = cs[c].place;
                if (p.admin1_code.empty() || cs[c].pcl) continue;
                admin1_focus_[cs[c].admin1] += weight[c] / sum;
            }
            total += 1.0;
        }
        if (total > 0) {
            admin1_focus_.divide_all(total);
        }
    }

    double admin1_focus_of(const Candidate& c) const {
        if (c.place.admin1_code.empty()) return 0.0;
        return admin1_focus_.get(c.admin1);
    }

    double focus_of(const Candidate& c) const {
        return focus_.get(c.country);
    }

    // The unit vectors of the places chosen for the mentions near mention i (within
    // kNeighbourWindow each side, other names, none coarse: countries, regions, first-level
    // divisions), into neighbours_: the same for all of i's candidates.
    void gather_neighbours(std::size_t i) {
        neighbours_.clear();
        const std::size_t from = i > kNeighbourWindow ? i - kNeighbourWindow : 0;
        const std::size_t to = std::min(mentions_->size(), i + kNeighbourWindow + 1);
        for (std::size_t j = from; j < to; ++j) {
            if (j == i || chosen_[j] < 0 || key_id_[j] == key_id_[i]) continue;
            const auto& other = cands(j)[static_cast<std::size_t>(chosen_[j])];
            if (!other.coarse) neighbours_.push_back({other.x, other.y, other.z});
        }
    }

    // Great-circle km from a candidate to the nearest of neighbours_, or -1 when there is none.
    // Beyond the score's reach (gazetteer::kProximityReachKm, with a kilometre to spare for
    // rounding) the distance only needs to be farther: infinity, without the arc cosine.
    double nearest_neighbour_km(const Candidate& candidate) const {
        if (neighbours_.empty()) return -1.0;
        double best_dot = -2.0;
        for (const auto& n : neighbours_) best_dot = std::max(best_dot, candidate.x * n[0] + candidate.y * n[1] + candidate.z * n[2]);
        static const double beyond_reach = std::cos((gazetteer::kProximityReachKm + 1.0) / geo::kEarthRadiusKm);
        if (best_dot < beyond_reach) return std::numeric_limits<double>::infinity();
        return km_from_dot(best_dot);
    }

    void choose(std::size_t i, bool use_proximity) {
        const auto& cs = cands(i);
        if (cs.empty()) return;
        if (cs.size() == 1) {  // nothing to choose between
            chosen_[i] = 0;
            confidence_[i] = 1.0;
            if (!use_proximity) first_scores_[i].assign(1, cs[0].prior);
            return;
        }
        const auto& m = (*mentions_)[i];
        const gazetteer::PlaceView* container = nullptr;
        if (m.container != kNoMention && chosen_[m.container] >= 0) {
            container = &cands(m.container)[static_cast<std::size_t>(chosen_[m.container])].place;
        }
        scores_.resize(cs.size());  // every score is written below
        if (use_proximity) gather_neighbours(i);
        for (std::size_t c = 0; c < cs.size(); ++c) {
            const auto& p = cs[c].place;
            gazetteer::CandidateEvidence e;
            e.country_focus = focus_of(cs[c]);
            e.level = wanted(m.qualifier);
            e.is_container = m.is_container;
            e.statement_subject = m.statement_subject;
            if (container) {
                e.in_container_country = p.country_code == container->country_code;
                e.in_container_admin1 = container->feature_code == "ADM1" && e.in_container_country &&
                                        p.admin1_code == container->admin1_code && p.index != container->index;
            }
            if (use_proximity) {
                e.nearest_km = nearest_neighbour_km(cs[c]);
                e.admin1_focus = admin1_focus_of(cs[c]);
            }
            const auto namesake = cs[c].namesake;
            e.namesake_place_inside = namesake >= 0;
            // Parts of a big city make news ("eastern Aleppo"); "northwest Idlib" is the province.
            e.compass_part = m.qualifier.compass != Compass::none && namesake < kCityWithQuarters;
            scores_[c] = gazetteer::resolver_score(cs[c].facts, cs[c].prior, e);
        }
        const auto best = static_cast<int>(std::max_element(scores_.begin(), scores_.end()) - scores_.begin());
        if (!use_proximity) first_scores_[i] = scores_;
        chosen_[i] = best;
        // the first pass's confidence is never read: the second pass chooses every mention again
        if (use_proximity) confidence_[i] = gazetteer::confidence_of_best(scores_);
    }

    // The same name means the same place throughout a document (at the same level): the most
    // confident reading wins.
    void one_sense_per_discourse() {
        // by name (key_id_: the name's first mention) and level
        const auto key_of = [this](std::size_t i) {
            return key_id_[i] * kLevels + static_cast<std::size_t>((*mentions_)[i].qualifier.level);
        };
        best_of_.assign(mentions_->size() * kLevels, kNoMention);
        for (std::size_t i = 0; i < mentions_->size(); ++i) {
            if (chosen_[i] < 0) continue;
            auto& best = best_of_[key_of(i)];
            if (best == kNoMention || confidence_[i] > confidence_[best]) best = i;
        }
        for (std::size_t i = 0; i < mentions_->size(); ++i) {
            if (chosen_[i] < 0) continue;
            const auto j = best_of_[key_of(i)];
            if (j == i) continue;
            const auto target = cands(j)[static_cast<std::size_t>(chosen_[j])].place.index;
            for (std::size_t c = 0; c < cands(i).size(); ++c) {
                if (cands(i)[c].place.index == target) {
                    chosen_[i] = static_cast<int>(c);
                    confidence_[i] = confidence_[j];
                    break;
                }
            }
        }
    }

    static constexpr std::size_t kLevels = 4;  // AdminLevel's values
    const std::vector<MentionEvidence>* mentions_ = nullptr;
    CandidateMemo memo_;
    std::unordered_map<std::string_view, std::size_t> first_of_;  // a name's first mention
    std::vector<std::size_t> best_of_;                             // one_sense_per_discourse()
    // Candidate lists, one per distinct name of the document; list_of_[i] is mention i's.
    const std::vector<Candidate>& cands(std::size_t i) const { return *lists_[list_of_[i]]; }
    std::vector<const std::vector<Candidate>*> lists_;  // in the thread's CandidateMemo
    std::vector<std::size_t> list_of_;
    std::vector<std::size_t> key_id_;  // the first mention with the same name
    std::vector<int> chosen_;
    std::vector<double> confidence_;
    // keyed by country_key() and admin1_key(): integers, not strings, on this hot path
    SumTable<std::uint32_t> focus_;
    SumTable<std::uint64_t> admin1_focus_;
    std::vector<std::vector<double>> first_scores_;
    std::vector<double> scores_;
    std::vector<std::array<double, 3>> neighbours_;  // gather_neighbours()
};

}  // namespace

std::vector<Resolution> resolve_document(const std::vector<MentionEvidence>& mentions, const gazetteer::Gazetteer& gazetteer,
                                         bool population_baseline) {
    thread_local DocumentResolver resolver;
    resolver.start(mentions, gazetteer);
    return population_baseline ? resolver.population_baseline() : resolver.run();
}

}  // namespace extract
