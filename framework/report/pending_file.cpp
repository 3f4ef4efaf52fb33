#include "pending_file.hpp"

#include <atomic>
#include <cstring>
#include <unistd.h>

namespace fencelab::report {
namespace {

char pending[4096];
// Set only while `pending` holds a whole path: the handler never reads a
// half-copied one.
std::atomic<bool> pending_set{false};

} // namespace

void remember_pending_file(const char *path) noexcept {
  pending_set.store(false);
  std::size_t n = std::strlen(path);
  if (n >= sizeof pending)
    return;
  std::memcpy(pending, path, n + 1);
  pending_set.store(true);
}

void forget_pending_file() noexcept { pending_set.store(false); }

void remove_pending_file() noexcept {
  if (pending_set.load())
    unlink(pending);
}

} // namespace fencelab::report
