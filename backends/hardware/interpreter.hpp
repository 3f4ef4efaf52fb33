#pragma once
// The hot loop: one thread's program over a batch of packed instances.
// Every shared access is a one-instruction relaxed atomic (plain ints let the
// compiler hoist loads); nothing here allocates, logs or branches on config.
#include "fences.hpp"
#include "program.hpp"

#include <atomic>
#include <cstdint>

namespace fencelab::hardware {

struct BatchArgs {
  const LoweredOp *ops;
  std::size_t op_count;
  char *memory;     // instance 0's copies; instance k is k * stride further
  std::size_t stride;
  Value *registers; // this thread's registers, `register_count` per instance
  int register_count;
  std::size_t instances;
  platform::HeavyBarrierFn heavy;
};

// Returns the number of heavy-barrier calls that failed (they must be 0).
inline std::uint64_t run_batch(const BatchArgs &a) {
  std::uint64_t failures = 0;
  for (std::size_t k = 0; k < a.instances; ++k) {
    char *base = a.memory + k * a.stride;
    Value *regs = a.registers + k * static_cast<std::size_t>(a.register_count);
    for (std::size_t pc = 0; pc < a.op_count;) {
      const LoweredOp &op = a.ops[pc++];
      auto cell = [&] { return std::atomic_ref<Value>(*reinterpret_cast<Value *>(base + op.offset)); };
      switch (op.kind) {
      case OpKind::store:
        cell().store(op.value, std::memory_order_relaxed);
        break;
      case OpKind::load:
        regs[op.reg] = cell().load(std::memory_order_relaxed);
        break;
      case OpKind::store_release:
        cell().store(op.value, std::memory_order_release);
        break;
      case OpKind::load_acquire:
        regs[op.reg] = cell().load(std::memory_order_acquire);
        break;
      case OpKind::jump_unless:
        if (regs[op.reg] != op.value)
          pc = static_cast<std::size_t>(op.target);
        break;
      case OpKind::jump:
        pc = static_cast<std::size_t>(op.target);
        break;
      case OpKind::fence:
        switch (op.fence) {
        case FenceKind::none:
          break;
        case FenceKind::barrier:
          platform::compiler_barrier();
          break;
        case FenceKind::smp_mb:
          platform::smp_mb();
          break;
        case FenceKind::mfence:
          platform::mfence();
          break;
        case FenceKind::smp_wmb:
          platform::smp_wmb();
          break;
        case FenceKind::smp_rmb:
          platform::smp_rmb();
          break;
        case FenceKind::membarrier:
          failures += a.heavy() != 0;
          break;
        }
        break;
      }
    }
  }
  return failures;
}

} // namespace fencelab::hardware
