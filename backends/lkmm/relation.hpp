#pragma once
// Binary relations over the events of one candidate execution (at most 64), as
// one bit row per event. The cat model is a few dozen unions, compositions
// and closures per candidate, so they are inline: they run in the innermost
// loop of the search.
#include <array>
#include <bit>
#include <cstdint>

namespace fencelab::lkmm {

using EventSet = std::uint64_t;
inline constexpr int max_events = 64;

constexpr EventSet bit(int e) { return EventSet{1} << e; }
constexpr EventSet first_n(int n) { return n >= 64 ? ~EventSet{0} : bit(n) - 1; }

struct Relation {
  std::array<EventSet, max_events> rows{}; // rows[a] has bit b when a -> b

  bool has(int a, int b) const { return (rows[static_cast<unsigned>(a)] >> b) & 1U; }
  void add(int a, int b) { rows[static_cast<unsigned>(a)] |= bit(b); }
};

// Every operation works on the first `n` events; rows past n stay zero.
struct Universe {
  int n = 0;

  EventSet all() const { return first_n(n); }

  Relation identity(EventSet on) const {
    Relation r;
    for (int e = 0; e < n; ++e)
      if ((on >> e) & 1U)
        r.rows[static_cast<unsigned>(e)] = bit(e);
    return r;
  }
  Relation unite(const Relation &a, const Relation &b) const {
    Relation r;
    for (int e = 0; e < n; ++e)
      r.rows[static_cast<unsigned>(e)] = a.rows[static_cast<unsigned>(e)] | b.rows[static_cast<unsigned>(e)];
    return r;
  }
  Relation intersect(const Relation &a, const Relation &b) const {
    Relation r;
    for (int e = 0; e < n; ++e)
      r.rows[static_cast<unsigned>(e)] = a.rows[static_cast<unsigned>(e)] & b.rows[static_cast<unsigned>(e)];
    return r;
  }
  Relation minus(const Relation &a, const Relation &b) const {
    Relation r;
    for (int e = 0; e < n; ++e)
      r.rows[static_cast<unsigned>(e)] = a.rows[static_cast<unsigned>(e)] & ~b.rows[static_cast<unsigned>(e)];
    return r;
  }
  // [domain] ; a ; [range]
  Relation restrict(EventSet domain, const Relation &a, EventSet range) const {
    Relation r;
    for (int e = 0; e < n; ++e)
      if ((domain >> e) & 1U)
        r.rows[static_cast<unsigned>(e)] = a.rows[static_cast<unsigned>(e)] & range;
    return r;
  }
  // a ; b
  Relation compose(const Relation &a, const Relation &b) const {
    Relation r;
    for (int e = 0; e < n; ++e) {
      EventSet out = 0;
      for (EventSet via = a.rows[static_cast<unsigned>(e)]; via != 0; via &= via - 1)
        out |= b.rows[static_cast<unsigned>(std::countr_zero(via))];
      r.rows[static_cast<unsigned>(e)] = out;
    }
    return r;
  }
  Relation inverse(const Relation &a) const {
    Relation r;
    for (int e = 0; e < n; ++e)
      for (EventSet to = a.rows[static_cast<unsigned>(e)]; to != 0; to &= to - 1)
        r.rows[static_cast<unsigned>(std::countr_zero(to))] |= bit(e);
    return r;
  }
  // a+ (Warshall, one bit row at a time)
  Relation plus(const Relation &a) const {
    Relation r = a;
    for (int k = 0; k < n; ++k) {
      const EventSet via = r.rows[static_cast<unsigned>(k)];
      if (via == 0)
        continue;
      for (int e = 0; e < n; ++e)
        if ((r.rows[static_cast<unsigned>(e)] >> k) & 1U)
          r.rows[static_cast<unsigned>(e)] |= via;
    }
    return r;
  }
  // a* (identity on every event included, as in cat)
  Relation star(const Relation &a) const { return unite(plus(a), identity(all())); }
  // a? = a | id
  Relation optional(const Relation &a) const { return unite(a, identity(all())); }
  // a & (from * to)
  Relation product(EventSet from, EventSet to) const {
    Relation r;
    for (int e = 0; e < n; ++e)
      if ((from >> e) & 1U)
        r.rows[static_cast<unsigned>(e)] = to;
    return r;
  }

  bool empty(const Relation &a) const {
    EventSet any = 0;
    for (int e = 0; e < n; ++e)
      any |= a.rows[static_cast<unsigned>(e)];
    return any == 0;
  }
  // Peels off events with no successor left until none is left (acyclic) or
  // every remaining event has one (a cycle).
  bool acyclic(const Relation &a) const {
    EventSet alive = all();
    for (;;) {
      EventSet sinks = 0;
      for (EventSet live = alive; live != 0; live &= live - 1) {
        const int e = std::countr_zero(live);
        if ((a.rows[static_cast<unsigned>(e)] & alive) == 0)
          sinks |= bit(e);
      }
      if (sinks == 0)
        return alive == 0;
      alive &= ~sinks;
    }
  }
};

} // namespace fencelab::lkmm
