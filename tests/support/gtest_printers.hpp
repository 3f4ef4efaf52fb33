#pragma once
// Short gtest names for fencelab values: the test name instead of its bytes.
#include "heavy_barrier.hpp"
#include "test.hpp"

#include <ostream>

namespace fencelab {
inline void PrintTo(const Test &t, std::ostream *os) { *os << t.name; }
inline void PrintTo(HeavyBarrier h, std::ostream *os) { *os << to_string(h); }
} // namespace fencelab
