// The stop request a signal handler sets (backends/platform/stop_request.hpp).
#include "stop_request.hpp"

#include <chrono>
#include <csignal>
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

namespace fencelab::platform {
namespace {

TEST(StopRequest, FirstSignalWinsAndASecondIsReportedAsPending) {
  clear_stop_request();
  EXPECT_FALSE(stop_requested());
  EXPECT_FALSE(request_stop(SIGTERM));
  EXPECT_TRUE(request_stop(SIGINT));
  EXPECT_EQ(stop_signal(), SIGTERM);
  clear_stop_request();
  EXPECT_EQ(stop_signal(), 0);
}

// Worker 0 of a run in child processes is forked before the signal comes:
// it must see a request made in the parent afterwards.
TEST(StopRequest, AForkedChildSeesARequestMadeAfterTheFork) {
  share_stop_request();
  clear_stop_request();
  pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (!stop_requested())
      if (std::chrono::steady_clock::now() > give_up)
        _exit(1);
    _exit(stop_signal() == SIGINT ? 0 : 2);
  }
  request_stop(SIGINT);
  int status = 0;
  ASSERT_EQ(waitpid(child, &status, 0), child);
  clear_stop_request();
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0);
}

} // namespace
} // namespace fencelab::platform
