#include "fence_kind.hpp"
#include "heavy_barrier.hpp"
#include "observation.hpp"
#include "run_config.hpp"
#include "test.hpp"
#include "verdict.hpp"

#include <gtest/gtest.h>
#include <set>

namespace fencelab {
namespace {

template <class E> void expect_round_trip() {
  std::set<std::string_view> seen;
  for (const auto &entry : enum_names(E{})) {
    EXPECT_TRUE(seen.insert(entry.name).second) << "duplicate name " << entry.name;
    EXPECT_EQ(to_string(entry.value), entry.name);
    auto parsed = parse_enum<E>(entry.name);
    ASSERT_TRUE(parsed.has_value()) << entry.name;
    EXPECT_EQ(*parsed, entry.value);
  }
  EXPECT_FALSE(parse_enum<E>("no-such-name").has_value());
}

TEST(EnumNames, EveryTableRoundTrips) {
  expect_round_trip<FenceKind>();
  expect_round_trip<HeavyBarrier>();
  expect_round_trip<Observation>();
  expect_round_trip<Verdict>();
  expect_round_trip<Quantifier>();
  expect_round_trip<OpKind>();
}

TEST(EnumNames, SpellingsUsedOnTheCommandLine) {
  EXPECT_EQ(parse_enum<HeavyBarrier>("private-expedited"), HeavyBarrier::private_expedited);
  EXPECT_EQ(parse_enum<HeavyBarrier>("global-expedited"), HeavyBarrier::global_expedited);
  EXPECT_EQ(parse_enum<FenceKind>("smp_mb"), FenceKind::smp_mb);
  EXPECT_EQ(enum_choices<HeavyBarrier>(), "private-expedited|global-expedited|global|mprotect");
}

} // namespace
} // namespace fencelab
