#include "model_test_support.hpp"

#include <utility>
#include <vector>

namespace fencelab::relacy::model_tests {
namespace {

Prop remap(const Prop &p, const std::vector<int> &new_slot) {
  Prop out = p;
  if (p.kind == Prop::Kind::atom)
    out.atom.slot = new_slot[static_cast<std::size_t>(p.atom.slot)];
  for (auto &operand : out.operands)
    operand = remap(operand, new_slot);
  return out;
}

} // namespace

RelacyConfig full_search(MembarrierModel membarrier) {
  RelacyConfig config;
  config.search = SearchMode::full;
  config.membarrier = membarrier;
  return config;
}

RelacyConfig context_bound_search(unsigned bound, MembarrierModel membarrier) {
  RelacyConfig config;
  config.search = SearchMode::context_bound;
  config.context_bound = bound;
  config.membarrier = membarrier;
  return config;
}

bool family_weak_allowed(FenceKind f0, FenceKind f1) {
  using F = FenceKind;
  if (f0 == F::membarrier || f1 == F::membarrier)
    return false;
  return !(f0 == F::smp_mb && f1 == F::smp_mb);
}

bool condition_reachable(const Test &test, const SearchResult &result) {
  return tally(test, result.histogram).positive > 0;
}

std::set<Outcome> outcomes(const SearchResult &result) {
  std::set<Outcome> out;
  for (const auto &entry : result.histogram.counts)
    out.insert(entry.first);
  return out;
}

Test swap_first_two_threads(const Test &test) {
  Test out = test;
  std::swap(out.threads[0], out.threads[1]);
  out.name = test.name + "(swapped)";
  std::vector<int> new_slot(static_cast<std::size_t>(test.outcome_size()));
  for (int t = 0; t < static_cast<int>(test.threads.size()); ++t) {
    const int moved_to = t == 0 ? 1 : t == 1 ? 0 : t;
    for (int r = 0; r < static_cast<int>(test.threads[static_cast<std::size_t>(t)].registers.size()); ++r)
      new_slot[static_cast<std::size_t>(test.register_slot(t, r))] = out.register_slot(moved_to, r);
  }
  for (int slot = test.register_count(); slot < test.outcome_size(); ++slot)
    new_slot[static_cast<std::size_t>(slot)] = slot;
  out.condition.prop = remap(test.condition.prop, new_slot);
  out.condition.filter = remap(test.condition.filter, new_slot);
  return out;
}

Prop all_of(std::initializer_list<std::pair<int, Value>> atoms) {
  std::vector<Prop> props;
  for (const auto &[slot, value] : atoms)
    props.push_back(Prop::equals(slot, value));
  return Prop::conjunction(std::move(props));
}

} // namespace fencelab::relacy::model_tests
