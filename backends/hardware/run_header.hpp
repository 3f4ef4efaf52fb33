#pragma once
// What a re-executed partner needs to rebuild a run exactly as its parent
// built it: the test's name and the options that shape the shared memory.
// Plain data at the start of the shared mapping; no pointers.
#include "batch_runner.hpp"

#include <string>
#include <type_traits>
#include <vector>

namespace fencelab::hardware {

struct RunHeader {
  static constexpr std::uint64_t expected_magic = 0x66656e63656c6162; // "fencelab"
  std::uint64_t magic;
  char test_name[256];
  std::uint64_t test_fingerprint; // the rebuilt test must be this one, not a namesake
  std::uint64_t instances_per_batch, stride_bytes, iterations;
  double budget_seconds, start_margin_us;
  std::uint32_t stagger_ns;
  std::uint8_t preload, stop_on_positive, placement;
  std::int8_t stands[fence_kind_count]; // per FenceKind: Stand, or -1 for native
  double sham_ns[fence_kind_count];     // per FenceKind, < 0 for none
  std::int32_t cpus[256]; // pinning of each worker
};
// encode_header/decode_options walk the slots as FenceKind values 0..count-1.
static_assert(std::extent_v<decltype(RunHeader::stands)> == fence_kind_count &&
                  std::extent_v<decltype(RunHeader::sham_ns)> == fence_kind_count,
              "RunHeader: one slot per FenceKind");

// A hash of what the workers execute: locations, initial values, op lists, observed locations.
std::uint64_t test_fingerprint(const Test &test);

// False when the name or the CPU list does not fit.
bool encode_header(RunHeader &h, const Test &test, const BatchRunOptions &o, const std::vector<int> &cpus);
// Options without a heavy-barrier function: a partner never calls it.
BatchRunOptions decode_options(const RunHeader &h);
std::vector<int> decode_cpus(const RunHeader &h, int threads);

} // namespace fencelab::hardware
