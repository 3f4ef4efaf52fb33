#pragma once
// A request to stop, set from a signal handler and read at batch, chunk and
// test boundaries (ARCHITECTURE.md, Stopping). The flag is one lock-free
// atomic int, so setting it is async-signal-safe. After share_stop_request()
// it lives in a MAP_SHARED page that forked test processes inherit, so a
// worker 0 running in a child process sees the parent's request too.
#include <atomic>

namespace fencelab::platform {

// Moves the flag into a page shared with children forked later. Call it
// early, before any fork (it allocates; a failure keeps the process-local flag).
// Later calls do nothing.
void share_stop_request();

// Async-signal-safe: records `signal` (the first request wins); returns
// whether a request was already pending.
bool request_stop(int signal) noexcept;

// The signal that asked to stop, 0 while none has.
int stop_signal() noexcept;
inline bool stop_requested() noexcept { return stop_signal() != 0; }

// Forgets a request (tests only).
void clear_stop_request() noexcept;

} // namespace fencelab::platform
