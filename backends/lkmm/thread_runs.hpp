#pragma once
// One thread's possible runs, value first (as herd enumerates them): each read
// returns some value its location can hold, and the thread's code then takes
// one path. A run lists the thread's memory events in program order with the
// reads each one depends on (address, data, control), the fences between
// them, and the registers' final values.
#include "relation.hpp"
#include "substitution.hpp"
#include "test.hpp"

#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

namespace fencelab::lkmm {

// A construct or a size outside what the evaluator decides; the model turns
// it into Unsupported{what()}.
struct Unsupportable : std::runtime_error {
  using std::runtime_error::runtime_error;
};

enum class Access : std::uint8_t { read, write };
enum class Mark : std::uint8_t { once, release, acquire, plain, init };

struct RunEvent {
  Access access = Access::read;
  Mark mark = Mark::once;
  int loc = 0;
  Value value = 0;
  // Earlier events of the same run (run-local indices, always reads) that
  // this event's address, stored value, or path depends on.
  EventSet addr_from = 0, data_from = 0, ctrl_from = 0;
};

enum class FenceClass : std::uint8_t { mb, wmb, rmb, membarrier };

struct RunFence {
  int gap = 0; // how many of the run's events come before the fence
  FenceClass fence = FenceClass::mb;
};

struct ThreadRun {
  std::vector<RunEvent> events;
  std::vector<RunFence> fences;
  std::vector<Value> registers; // final values
};

// The value of a read whose value depends on itself through rf and data
// dependencies (out of thin air). herd solves the values of a candidate from
// its rf; when they form a cycle no equation fixes them, and herd keeps the
// candidate with an unknown value that equals no constant of the test. Every
// expression over it is unknown too, and it is no address.
inline constexpr Value thin_air = -(Value{1} << 62);

// Per location, every value it may hold (sorted, no repeats).
using ValueDomains = std::vector<std::vector<Value>>;

// What a fence op contributes once `substitution` is applied: nothing for a
// compiler barrier (it orders no memory access in the LKMM), a sham or none.
bool lowered_fence(FenceKind kind, const Substitution &substitution, FenceClass &out);

// A store some path makes, kept even when the path later ends unrecorded:
// the value reaches memory before the path goes wrong, and another read of
// it may be what sets that path right (`*z = x; r = *z; *r`).
struct StoredValue {
  int loc = 0;
  Value value = 0;
  bool from_read = false; // the value depends on a read (data dependency)
};

// Every run of thread `thread` whose reads take values in `domains`. Paths
// that dereference a non-address are dropped (herd rejects them too). When
// `stored` is given, every store of every path is appended to it.
std::vector<ThreadRun> thread_runs(const Test &test, int thread, const ValueDomains &domains,
                                   const Substitution &substitution, std::vector<StoredValue> *stored = nullptr);

} // namespace fencelab::lkmm
