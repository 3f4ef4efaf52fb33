#include "outcome_counter.hpp"

#include <gtest/gtest.h>
#include <map>

namespace fencelab::hardware {
namespace {

TEST(OutcomeCounter, CountsLikeAMapThroughGrowth) {
  OutcomeCounter counter(3);
  std::map<Outcome, std::uint64_t> expected;
  std::uint64_t seed = 7;
  for (int i = 0; i < 5000; ++i) {
    seed = seed * 6364136223846793005ull + 1;
    Outcome o{static_cast<Value>(seed >> 60), static_cast<Value>((seed >> 50) & 7), -1};
    counter.add(o);
    ++expected[o];
  }
  Histogram h;
  counter.add_to(h);
  EXPECT_EQ(h.counts, expected);
  EXPECT_EQ(counter.total(), 5000u);
}

} // namespace
} // namespace fencelab::hardware
