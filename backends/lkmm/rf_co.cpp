#include "rf_co.hpp"

#include <algorithm>

namespace fencelab::lkmm {
namespace {

struct LocationSearch {
  const Execution &x;
  EventSet events;
  std::vector<int> reads;
  std::vector<std::vector<int>> sources; // per read: writes of its value
  std::vector<int> co;
  Relation co_rel;
  std::vector<int> rf_of; // per read: its write
  std::vector<LocationChoice> out;

  // Coherence of the location: po-loc | rf | co | fr has no cycle.
  bool coherent() const {
    Relation com;
    for (EventSet es = events; es != 0; es &= es - 1) {
      const int e = std::countr_zero(es);
      com.rows[static_cast<unsigned>(e)] = (x.po.rows[static_cast<unsigned>(e)] & events) | co_rel.rows[static_cast<unsigned>(e)];
    }
    for (std::size_t i = 0; i < reads.size(); ++i) {
      const int w = rf_of[i], r = reads[i];
      com.add(w, r);
      com.rows[static_cast<unsigned>(r)] |= co_rel.rows[static_cast<unsigned>(w)]; // fr
    }
    return x.u.acyclic(com);
  }

  void assign(std::size_t i) {
    if (i == reads.size()) {
      if (!coherent())
        return;
      LocationChoice c;
      for (std::size_t k = 0; k < reads.size(); ++k)
        c.rf.emplace_back(rf_of[k], reads[k]);
      c.co = co;
      out.push_back(std::move(c));
      return;
    }
    for (int w : sources[i]) {
      rf_of[i] = w;
      assign(i + 1);
    }
  }

  // A thread's own writes keep their program order in co (CoWW), which
  // spares building the orders that break it.
  bool keeps_program_order() const {
    for (std::size_t i = 1; i < co.size(); ++i)
      for (std::size_t j = i + 1; j < co.size(); ++j)
        if (x.po.has(co[j], co[i]))
          return false;
    return true;
  }
};

} // namespace

void add_coherence_order(const std::vector<int> &co, Relation &into) {
  EventSet later = 0;
  for (auto it = co.rbegin(); it != co.rend(); ++it) {
    into.rows[static_cast<unsigned>(*it)] |= later;
    later |= bit(*it);
  }
}

std::vector<LocationChoice> location_choices(const Execution &x, int loc) {
  LocationSearch s{x, x.loc_events[static_cast<std::size_t>(loc)], {}, {}, {}, {}, {}, {}};
  std::vector<int> writes; // the initial write is event `loc`
  for (EventSet es = s.events & ~x.init; es != 0; es &= es - 1) {
    const int e = std::countr_zero(es);
    if (x.events[static_cast<std::size_t>(e)].access == Access::write)
      writes.push_back(e);
    else
      s.reads.push_back(e);
  }
  for (int r : s.reads) {
    std::vector<int> from;
    for (EventSet es = s.events & x.writes; es != 0; es &= es - 1) {
      const int w = std::countr_zero(es);
      if (x.events[static_cast<std::size_t>(w)].value == x.events[static_cast<std::size_t>(r)].value)
        from.push_back(w);
    }
    if (from.empty())
      return {};
    s.sources.push_back(std::move(from));
  }
  s.rf_of.assign(s.reads.size(), -1);
  do {
    s.co.assign(1, loc);
    s.co.insert(s.co.end(), writes.begin(), writes.end());
    if (!s.keeps_program_order())
      continue;
    s.co_rel = Relation{};
    add_coherence_order(s.co, s.co_rel);
    s.assign(0);
  } while (std::next_permutation(writes.begin(), writes.end()));
  return std::move(s.out);
}

} // namespace fencelab::lkmm
