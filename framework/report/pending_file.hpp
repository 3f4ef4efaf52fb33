#pragma once
// The temporary file a result write is filling, remembered in a static
// buffer so that a signal handler can remove it: a second Ctrl-C exits at
// once and must leave no temporary file behind (ARCHITECTURE.md, Stopping).
namespace fencelab::report {

// Remembers `path` (not remembered when longer than the buffer).
void remember_pending_file(const char *path) noexcept;
void forget_pending_file() noexcept;
// Async-signal-safe: unlinks the remembered file, if any.
void remove_pending_file() noexcept;

} // namespace fencelab::report
