#pragma once
// Pinned worker threads that live across tests and park on a futex between
// them, so starting a test costs a wake-up, not a thread creation, and the
// pinning is checked once.
#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <thread>
#include <vector>

namespace fencelab::hardware {

class WorkerPool {
public:
  explicit WorkerPool(std::vector<int> cpus);
  ~WorkerPool();
  WorkerPool(const WorkerPool &) = delete;
  WorkerPool &operator=(const WorkerPool &) = delete;

  const std::vector<int> &cpus() const { return cpus_; }
  // "" when every worker is pinned, else the first reason one is not.
  const std::string &pin_error() const { return pin_error_; }

  // Runs job(i) on workers 0..n-1 (n <= cpus().size()) and waits for them.
  void run(int n, const std::function<void(int)> &job);

private:
  void worker_main(int index);

  std::vector<int> cpus_;
  std::vector<std::string> pin_errors_;
  std::string pin_error_;
  std::vector<std::thread> threads_;
  std::atomic<std::uint32_t> epoch_{0};
  std::atomic<std::uint32_t> done_{0};
  const std::function<void(int)> *job_ = nullptr;
  int active_ = 0;
  bool stopping_ = false;
};

} // namespace fencelab::hardware
