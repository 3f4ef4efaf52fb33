#include "worker_pool.hpp"

#include "affinity.hpp"
#include "futex.hpp"

namespace fencelab::hardware {

WorkerPool::WorkerPool(std::vector<int> cpus) : cpus_(std::move(cpus)), pin_errors_(cpus_.size()) {
  for (std::size_t i = 0; i < cpus_.size(); ++i)
    threads_.emplace_back([this, i] { worker_main(static_cast<int>(i)); });
  // Workers report in through done_ once pinned.
  for (std::uint32_t d = done_.load(); d < cpus_.size(); d = done_.load())
    platform::futex_wait(done_, d);
  for (const auto &e : pin_errors_)
    if (!e.empty() && pin_error_.empty())
      pin_error_ = e;
}

WorkerPool::~WorkerPool() {
  stopping_ = true;
  epoch_.fetch_add(1);
  platform::futex_wake_all(epoch_);
  for (auto &t : threads_)
    t.join();
}

void WorkerPool::run(int n, const std::function<void(int)> &job) {
  job_ = &job;
  active_ = n;
  done_.store(0);
  epoch_.fetch_add(1);
  platform::futex_wake_all(epoch_);
  for (std::uint32_t d = done_.load(); d < cpus_.size(); d = done_.load())
    platform::futex_wait(done_, d);
}

void WorkerPool::worker_main(int index) {
  pin_errors_[static_cast<std::size_t>(index)] = platform::pin_current_thread(cpus_[static_cast<std::size_t>(index)]);
  std::uint32_t seen = 0;
  auto report_done = [this] {
    if (done_.fetch_add(1) + 1 == cpus_.size())
      platform::futex_wake_all(done_);
  };
  report_done();
  for (;;) {
    while (epoch_.load() == seen)
      platform::futex_wait(epoch_, seen);
    seen = epoch_.load();
    if (stopping_)
      return;
    if (index < active_)
      (*job_)(index);
    report_done();
  }
}

} // namespace fencelab::hardware
