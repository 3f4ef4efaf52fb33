#pragma once
// A hardware run on a thread of its own, so that a test can act on it mid-run
// (stop, kill or move a worker). Shared by the placement and watchdog tests.
#include "hardware_backend.hpp"

#include <chrono>
#include <thread>

namespace fencelab::hardware::testing_support {

class BackgroundRun {
public:
  using Clock = std::chrono::steady_clock;
  BackgroundRun(HardwareBackend &backend, const fencelab::Test &t, const RunConfig &c)
      : runner_([this, &backend, &t, &c] {
          result_ = backend.run(t, c);
          ended_ = Clock::now();
        }) {}
  // Joined at the latest here, also when an ASSERT returns early.
  ~BackgroundRun() {
    if (runner_.joinable())
      runner_.join();
  }
  // Waits for the end of the run; returns how many seconds after `since` it ended.
  double seconds_after(Clock::time_point since) {
    runner_.join();
    return std::chrono::duration<double>(ended_ - since).count();
  }
  const BackendResult &result() const { return result_; }

private:
  BackendResult result_;
  Clock::time_point ended_;
  std::thread runner_; // last: started once what it writes exists
};

// Polls `found` every 10 ms for up to 5 s until it finds two workers (the run has started).
template <class Found> auto two_workers(Found found) {
  auto workers = found();
  for (int i = 0; i < 500 && workers.size() < 2; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
    workers = found();
  }
  return workers;
}

} // namespace fencelab::hardware::testing_support
