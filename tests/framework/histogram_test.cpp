#include "family.hpp"
#include "histogram.hpp"

#include <gtest/gtest.h>

namespace fencelab {
namespace {

TEST(Histogram, AddMergeAndTotal) {
  Histogram a, b;
  a.add({0, 0}, 3);
  a.add({0, 1});
  a.stats.iterations = 4;
  b.add({0, 0}, 2);
  b.add({1, 1}, 5);
  b.stats.iterations = 7;
  a.merge(b);
  EXPECT_EQ(a.total(), 11u);
  EXPECT_EQ(a.stats.iterations, 11u);
  EXPECT_EQ(a.counts.at({0, 0}), 5u);
  EXPECT_EQ(a.counts.at({1, 1}), 5u);
  EXPECT_EQ(a.counts.size(), 3u);
}

TEST(Histogram, TallySplitsPositiveNegativeAndFiltered) {
  fencelab::Test sb = make_family_test(Shape::sb, FenceKind::barrier, FenceKind::barrier);
  Histogram h;
  h.add({0, 0}, 4);
  h.add({0, 1}, 6);
  h.add({1, 1}, 1);
  auto t = tally(sb, h);
  EXPECT_EQ(t.positive, 4u);
  EXPECT_EQ(t.negative, 7u);
  EXPECT_EQ(t.filtered, 0u);

  sb.condition.filter = Prop::negation(Prop::equals(1, 1)); // drop outcomes where 1:r0=1
  t = tally(sb, h);
  EXPECT_EQ(t.positive, 4u);
  EXPECT_EQ(t.negative, 0u);
  EXPECT_EQ(t.filtered, 7u);
}

} // namespace
} // namespace fencelab
