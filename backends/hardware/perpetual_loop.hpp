#pragma once
// Perpetual mode's hot loop: one thread's program, iteration after iteration,
// each store writing the iteration's sequence number and each load logged by
// register, column after column, so the counting reads each column in order.
#include "interpreter.hpp"

namespace fencelab::hardware {

struct ChunkArgs {
  const LoweredOp *ops;
  std::size_t op_count;
  char *memory; // one copy of every location
  Value *log;   // register r of iteration k at log[r * length + k]
  std::size_t length;
  Value first; // sequence number of the chunk's first iteration
  platform::HeavyBarrierFn heavy;
  LatencySamples *latency;
};

// Returns the number of heavy-barrier calls that failed (they must be 0).
inline std::uint64_t run_chunk(const ChunkArgs &a) {
  std::uint64_t failures = 0;
  for (std::size_t k = 0; k < a.length; ++k) {
    const Value seq = a.first + static_cast<Value>(k);
    for (std::size_t pc = 0; pc < a.op_count; ++pc) {
      const LoweredOp &op = a.ops[pc];
      auto cell = [&] { return std::atomic_ref<Value>(*reinterpret_cast<Value *>(a.memory + op.offset)); };
      switch (op.action) {
      case Action::store:
        cell().store(seq, std::memory_order_relaxed);
        break;
      case Action::store_release:
        cell().store(seq, std::memory_order_release);
        break;
      case Action::load:
        a.log[static_cast<std::size_t>(op.reg) * a.length + k] = cell().load(std::memory_order_relaxed);
        break;
      case Action::load_acquire:
        a.log[static_cast<std::size_t>(op.reg) * a.length + k] = cell().load(std::memory_order_acquire);
        break;
      default: // perpetual_plan admits no jumps
        failures += execute_fence(op, a.heavy, *a.latency);
        break;
      }
    }
  }
  return failures;
}

} // namespace fencelab::hardware
