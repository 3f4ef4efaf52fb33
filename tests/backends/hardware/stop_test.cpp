// A stop request (Ctrl-C) ends a hardware run at its next batch or chunk and
// keeps what was counted, in both modes and with test threads in child
// processes (batch mode only; worker 0 then reads the request from a page
// shared by fork).
#include "family.hpp"
#include "hardware_backend.hpp"
#include "stop_request.hpp"

#include <chrono>
#include <gtest/gtest.h>
#include <iostream>
#include <thread>

namespace fencelab::hardware {
namespace {

struct Case {
  HardwareMode mode;
  Placement placement;
};

class StopOnHardware : public ::testing::TestWithParam<Case> {};

TEST_P(StopOnHardware, EndsAtTheNextRoundAndKeepsTheCounts) {
  platform::share_stop_request();
  platform::clear_stop_request();
  auto sb = make_family_test(Shape::sb, FenceKind::barrier, FenceKind::barrier);
  RunConfig c;
  c.mode = GetParam().mode;
  c.placement = GetParam().placement;
  c.budget_seconds = 60; // only the request can end it within the test's timeout
  HardwareBackend backend;
  auto begun = std::chrono::steady_clock::now();
  // The sleep only decides when the request comes; nothing waits on it.
  std::thread requester([] {
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
    platform::request_stop(2);
  });
  auto result = backend.run(sb, c);
  requester.join();
  double took = std::chrono::duration<double>(std::chrono::steady_clock::now() - begun).count();
  platform::clear_stop_request();
  if (auto *u = std::get_if<Unsupported>(&result))
    GTEST_SKIP() << u->reason;
  ASSERT_TRUE(std::holds_alternative<Histogram>(result)) << std::get<Failed>(result).reason;
  const auto &h = std::get<Histogram>(result);
  EXPECT_LT(took, 10.0);
  EXPECT_GT(h.stats.iterations, 0u);
  EXPECT_EQ(h.total(), h.stats.iterations);
  EXPECT_LT(h.stats.seconds, 10.0);
  std::cout << "stopped after " << took << " s of a 60 s budget, " << h.stats.iterations << " iterations kept\n";
}

INSTANTIATE_TEST_SUITE_P(Modes, StopOnHardware,
                         ::testing::Values(Case{HardwareMode::batch, Placement::threads},
                                           Case{HardwareMode::perpetual, Placement::threads},
                                           Case{HardwareMode::batch, Placement::processes}));

} // namespace
} // namespace fencelab::hardware
