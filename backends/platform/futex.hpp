#pragma once
// Parking threads between runs. Futexes are for parking only: waking one
// takes microseconds, which is far too much skew inside a run.
#include <atomic>
#include <cstdint>

namespace fencelab::platform {

// Sleeps while `word` still holds `expected` (spurious wake-ups possible).
void futex_wait(std::atomic<std::uint32_t> &word, std::uint32_t expected);
void futex_wake_all(std::atomic<std::uint32_t> &word);

// The same on a word in memory shared between processes (MAP_SHARED): the
// _PRIVATE futex ops key on the mm and would never wake another process.
void futex_wait_shared(std::atomic<std::uint32_t> &word, std::uint32_t expected);
void futex_wake_all_shared(std::atomic<std::uint32_t> &word);

} // namespace fencelab::platform
