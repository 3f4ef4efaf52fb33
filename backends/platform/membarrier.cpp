#include "membarrier.hpp"

#include "errno_text.hpp"

#include <cerrno>
#include <cstring>
#include <linux/membarrier.h>
#include <mutex>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace fencelab::platform {
namespace {

int sys_membarrier(int cmd, unsigned flags = 0) { return static_cast<int>(syscall(__NR_membarrier, cmd, flags, 0)); }

struct State {
  int mask = 0;          // QUERY result, or -errno
  int private_reg = -1;  // 0 or errno of REGISTER_PRIVATE_EXPEDITED
  int global_reg = -1;   // 0 or errno of REGISTER_GLOBAL_EXPEDITED
  void *page = nullptr;  // the mprotect barrier's page
};

State &state() {
  static State s;
  return s;
}

std::once_flag setup_once;

int private_expedited() { return sys_membarrier(MEMBARRIER_CMD_PRIVATE_EXPEDITED) == 0 ? 0 : errno; }
int global_expedited() { return sys_membarrier(MEMBARRIER_CMD_GLOBAL_EXPEDITED) == 0 ? 0 : errno; }
int global() { return sys_membarrier(MEMBARRIER_CMD_GLOBAL) == 0 ? 0 : errno; }

// Downgrading a dirty, present page's protection makes the kernel shoot down
// its TLB entry on every CPU running this mm, which serialises each of them:
// the process-wide barrier of kernels without membarrier (folly, the Rust
// membarrier crates). The lock keeps concurrent callers from interleaving.
std::mutex mprotect_lock;
int mprotect_barrier() {
  std::lock_guard guard(mprotect_lock);
  void *page = state().page;
  if (mprotect(page, 1, PROT_READ | PROT_WRITE) != 0)
    return errno;
  *static_cast<volatile int *>(page) = 0;
  if (mprotect(page, 1, PROT_READ) != 0)
    return errno;
  return 0;
}

int register_intent(int query_mask, int query_bit, int cmd) {
  if (query_mask < 0)
    return -query_mask;
  if (!(query_mask & query_bit))
    return EINVAL;
  return sys_membarrier(cmd) == 0 ? 0 : errno;
}

// `registration`: 0, or the errno of `register_cmd` (the REGISTER_* command it needs).
HeavyBarrierStatus command_status(const char *how, int query_bit, const char *register_cmd, int registration,
                                  HeavyBarrierFn fn) {
  const State &s = state();
  HeavyBarrierStatus st{false, "", how};
  if (s.mask < 0) {
    st.reason = std::string("MEMBARRIER_CMD_QUERY failed: ") + errno_text(-s.mask) +
                (s.mask == -ENOSYS ? "; kernel built without CONFIG_MEMBARRIER" : "");
    return st;
  }
  if (!(s.mask & query_bit)) {
    st.reason = std::string(how) + " not offered by this kernel (QUERY mask 0x" +
                [&] { char b[16]; std::snprintf(b, sizeof b, "%x", s.mask); return std::string(b); }() +
                "; e.g. disabled under nohz_full)";
    return st;
  }
  if (registration > 0) {
    st.reason = std::string(register_cmd) + " failed: " + errno_text(registration) + ", so " + how + " cannot be used";
    return st;
  }
  if (int err = fn(); err != 0) {
    // The registration succeeded, so EPERM here is not the missing registration
    // membarrier(2) describes: the call itself is refused (e.g. by a seccomp policy).
    st.reason = std::string(how) + " refused: " + errno_text(err);
    return st;
  }
  st.available = true;
  return st;
}

} // namespace

void membarrier_setup() {
  std::call_once(setup_once, [] {
    State &s = state();
    s.mask = sys_membarrier(MEMBARRIER_CMD_QUERY);
    if (s.mask < 0)
      s.mask = -errno;
    s.private_reg = register_intent(s.mask, MEMBARRIER_CMD_PRIVATE_EXPEDITED, MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED);
    s.global_reg = register_intent(s.mask, MEMBARRIER_CMD_GLOBAL_EXPEDITED, MEMBARRIER_CMD_REGISTER_GLOBAL_EXPEDITED);
    void *page = mmap(nullptr, static_cast<std::size_t>(sysconf(_SC_PAGESIZE)), PROT_READ | PROT_WRITE,
                      MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    s.page = page == MAP_FAILED ? nullptr : page;
  });
}

int membarrier_registrations() {
#ifndef MEMBARRIER_CMD_GET_REGISTRATIONS
  constexpr int MEMBARRIER_CMD_GET_REGISTRATIONS = 1 << 9;
#endif
  int r = sys_membarrier(MEMBARRIER_CMD_GET_REGISTRATIONS);
  return r < 0 ? -errno : r;
}

int membarrier_query_mask() {
  membarrier_setup();
  return state().mask;
}

HeavyBarrierStatus heavy_barrier_status(HeavyBarrier kind) {
  membarrier_setup();
  const State &s = state();
  switch (kind) {
  case HeavyBarrier::private_expedited:
    return command_status("MEMBARRIER_CMD_PRIVATE_EXPEDITED", MEMBARRIER_CMD_PRIVATE_EXPEDITED,
                          "MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED", s.private_reg, private_expedited);
  case HeavyBarrier::global_expedited:
    return command_status("MEMBARRIER_CMD_GLOBAL_EXPEDITED", MEMBARRIER_CMD_GLOBAL_EXPEDITED,
                          "MEMBARRIER_CMD_REGISTER_GLOBAL_EXPEDITED", s.global_reg, global_expedited);
  case HeavyBarrier::global:
    return command_status("MEMBARRIER_CMD_GLOBAL", MEMBARRIER_CMD_GLOBAL, "", 0, global);
  case HeavyBarrier::mprotect:
    if (!s.page)
      return {false, "mmap of the mprotect barrier page failed", "mprotect TLB shootdown"};
    if (int err = mprotect_barrier(); err != 0)
      return {false, "mprotect failed: " + errno_text(err), "mprotect TLB shootdown"};
    return {true, "", "mprotect TLB shootdown"};
  }
  return {false, "unknown heavy barrier", "?"};
}

HeavyBarrierFn heavy_barrier_function(HeavyBarrier kind) {
  membarrier_setup();
  switch (kind) {
  case HeavyBarrier::private_expedited:
    return private_expedited;
  case HeavyBarrier::global_expedited:
    return global_expedited;
  case HeavyBarrier::global:
    return global;
  case HeavyBarrier::mprotect:
    return mprotect_barrier;
  }
  return nullptr;
}

} // namespace fencelab::platform
