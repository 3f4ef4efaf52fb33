#include "stop_request.hpp"

#include <new>
#include <sys/mman.h>

namespace fencelab::platform {
namespace {

static_assert(std::atomic<int>::is_always_lock_free, "the signal handler needs a lock-free flag");

std::atomic<int> local_flag{0};
// Read in hot paths' planning and in signal handlers: a plain pointer that is
// written once, before threads or children exist.
std::atomic<int> *flag = &local_flag;

} // namespace

void share_stop_request() {
  if (flag != &local_flag) // shared already
    return;
  void *page = mmap(nullptr, sizeof(std::atomic<int>), PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
  if (page == MAP_FAILED)
    return;
  auto *shared = new (page) std::atomic<int>(local_flag.load());
  flag = shared;
}

bool request_stop(int signal) noexcept {
  int none = 0;
  return !flag->compare_exchange_strong(none, signal, std::memory_order_relaxed);
}

int stop_signal() noexcept { return flag->load(std::memory_order_relaxed); }

void clear_stop_request() noexcept { flag->store(0, std::memory_order_relaxed); }

} // namespace fencelab::platform
