// The LKMM evaluator against Relacy with the precise membarrier model, on
// random tests of ONCE accesses, barrier, smp_mb and membarrier. LKMM's
// outcomes must always contain Relacy's. Where Relacy has none of its
// documented limits (relacy::relacy_limits) the sets are equal, or every
// outcome only LKMM reaches needs a reordering no interleaving can show:
// Relacy runs each thread in program order, a read after the write it reads,
// each membarrier() at one point of that order, so LKMM restricted to
// candidates with such an order (EvaluationOptions::interleaving_only) must
// then give exactly Relacy's set. Where Relacy has limits, every outcome only
// LKMM reaches is put down to them by name.
#include "evaluator.hpp"
#include "lkmm_test_support.hpp"
#include "random_tests.hpp"
#include "relacy_limits.hpp"
#include "relacy_search.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <iostream>
#include <map>

namespace fencelab::lkmm::tests {
namespace {

constexpr std::uint32_t test_count = 2000;

std::set<Outcome> relacy_outcomes(const relacy::SearchResult &r) {
  std::set<Outcome> out;
  for (const auto &entry : r.histogram.counts)
    out.insert(entry.first);
  return out;
}

std::string describe(const fencelab::Test &t) {
  std::string s = t.name + ":";
  for (std::size_t th = 0; th < t.threads.size(); ++th) {
    s += " |";
    for (const Op &op : t.threads[th].ops) {
      switch (op.kind) {
      case OpKind::store:
        s += " " + t.locations[static_cast<std::size_t>(op.loc)].name + "=" + std::to_string(op.value);
        break;
      case OpKind::load:
        s += " r" + std::to_string(op.reg) + "=" + t.locations[static_cast<std::size_t>(op.loc)].name;
        break;
      default:
        s += " " + std::string(to_string(op.fence));
      }
    }
  }
  return s;
}

std::set<Outcome> interleaved_outcomes(const fencelab::Test &t) {
  EvaluationOptions in_order;
  in_order.interleaving_only = true;
  std::set<Outcome> out;
  for (const auto &entry : evaluate(t, {}, in_order).outcomes.counts)
    out.insert(entry.first);
  return out;
}

TEST(LkmmAgainstRelacy, RandomTestsAgreeOutsideRelacysLimits) {
  relacy::RelacyConfig config;
  config.search = relacy::SearchMode::full;
  config.membarrier = relacy::MembarrierModel::precise;
  int equal = 0, superset_explained = 0, in_order_explained = 0, mismatches = 0, relacy_stopped = 0,
      with_membarrier = 0;
  std::map<std::string, int> explained_by; // first word group of each limit -> tests
  for (std::uint32_t seed = 1; seed <= test_count; ++seed) {
    const fencelab::Test t = random_test(seed);
    with_membarrier += t.uses_fence(FenceKind::membarrier);
    const relacy::SearchResult r = relacy::model_check(t, config);
    if (!r.error.empty() || !r.exhaustive) {
      ++relacy_stopped;
      continue;
    }
    const auto theirs = relacy_outcomes(r);
    const auto ours = outcome_set(answer(t));
    const auto limits = relacy::relacy_limits(t, relacy::SearchMode::full);
    const bool contains = std::includes(ours.begin(), ours.end(), theirs.begin(), theirs.end());
    if (ours == theirs) {
      ++equal;
    } else if (limits.empty() && contains && interleaved_outcomes(t) == theirs) {
      ++in_order_explained;
    } else if (!limits.empty() && contains) {
      ++superset_explained;
      for (const auto &l : limits)
        ++explained_by["Relacy: " + l.substr(0, l.find(" ("))];
    } else {
      ++mismatches;
      ADD_FAILURE() << describe(t) << ": LKMM " << ours.size() << " outcomes, Relacy " << theirs.size()
                    << (contains ? " (LKMM has more, and Relacy has no limit here)" : " (Relacy reaches one LKMM forbids)");
    }
  }
  std::cout << "LKMM vs Relacy (precise membarrier), " << test_count << " random tests (" << with_membarrier
            << " with membarrier): " << equal << " equal, " << superset_explained
            << " LKMM superset explained by Relacy's limits, " << in_order_explained
            << " LKMM superset explained by Relacy's in-order execution, " << mismatches << " mismatches, " << relacy_stopped
            << " where Relacy stopped\n";
  for (const auto &[why, n] : explained_by)
    std::cout << "  " << why << ": " << n << " tests\n";
  EXPECT_EQ(mismatches, 0);
  EXPECT_EQ(relacy_stopped, 0);
  EXPECT_GT(equal, static_cast<int>(test_count) / 4);
}

} // namespace
} // namespace fencelab::lkmm::tests
