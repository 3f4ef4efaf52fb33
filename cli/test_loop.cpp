#include "test_loop.hpp"

#include "interrupt.hpp"

namespace fencelab::cli {

std::vector<TestResult> run_tests(Session &session, const std::vector<Test> &tests, bool controls, bool quiet,
                                  const AfterEach &after) {
  std::vector<TestResult> results;
  Progress progress(tests.size(), quiet);
  for (const auto &t : tests) {
    if (stopping()) // a stop between tests starts no other
      break;
    progress.start(t.name);
    results.push_back(session.run(t));
    if (controls && session.uses_hardware())
      session.attach_control(results.back());
    progress.finish(t.name);
    if (after)
      after(results.back(), progress);
  }
  return results;
}

} // namespace fencelab::cli
