#pragma once
// Seeded random litmus tests for the cross-check against Relacy: 2-3 threads
// of ONCE stores and loads to 2-3 locations, with barrier, smp_mb and
// membarrier between them; half of them are the classic cycles (each thread
// links one location to the next), where fences matter most. Every store writes a value of its own, every
// location is observed, so an outcome names the rf and the final co choice.
#include "test.hpp"

#include <algorithm>
#include <cstdint>

namespace fencelab::lkmm::tests {

fencelab::Test random_test(std::uint32_t seed);

} // namespace fencelab::lkmm::tests
