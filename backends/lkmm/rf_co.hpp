#pragma once
// The reads-from and coherence-order choices of one location that pass the
// cat's `coherence` axiom (acyclic po-loc | rf | co | fr) on their own: every
// relation in that axiom links events of one location only, so each location
// is pruned alone before any cross-location axiom is checked.
#include "execution.hpp"

#include <utility>
#include <vector>

namespace fencelab::lkmm {

struct LocationChoice {
  std::vector<std::pair<int, int>> rf; // (write, read), global event indices
  std::vector<int> co;                 // the location's writes in coherence order, initial write first
};

// Empty when some read's value is written by no write of the location.
std::vector<LocationChoice> location_choices(const Execution &x, int loc);

// co as a relation (transitive: every earlier write to every later one).
void add_coherence_order(const std::vector<int> &co, Relation &into);

} // namespace fencelab::lkmm
