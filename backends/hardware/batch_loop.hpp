#pragma once
// The batch hot loop: one thread's program over a batch of packed instances.
// Every shared access is a one-instruction relaxed atomic (plain ints let the
// compiler hoist loads); nothing here allocates, logs or branches on config.
#include "fences.hpp"
#include "program.hpp"
#include "ticks.hpp"

#include <atomic>
#include <cstdint>
#include <span>

namespace fencelab::hardware {

// Heavy-barrier call latencies, in ticks; a ring that keeps the latest ones.
struct LatencySamples {
  std::uint64_t *ticks = nullptr;
  std::uint64_t mask = 0; // capacity - 1, capacity a power of two
  std::uint64_t count = 0;
};

struct BatchArgs {
  const LoweredOp *ops;
  std::size_t op_count;
  char *memory; // instance 0's copies; instance k is k * stride further
  std::size_t stride;
  Value *registers; // this thread's registers, `register_count` per instance
  int register_count;
  std::size_t instances;
  platform::HeavyBarrierFn heavy;
  LatencySamples *latency;
};

inline void spin_ticks(std::uint64_t n) {
  std::uint64_t end = platform::ticks() + n;
  while (platform::ticks() < end)
    platform::compiler_barrier();
}

// The ops that touch no test location: fences, their plants and shams.
// Returns 1 when a heavy-barrier call failed.
inline std::uint64_t execute_fence(const LoweredOp &op, platform::HeavyBarrierFn heavy, LatencySamples &latency) {
  switch (op.action) {
  case Action::nothing:
    break;
  case Action::compiler_barrier:
    platform::compiler_barrier();
    break;
  case Action::cpu_fence:
    platform::run_fence(op.fence); // one more jump table, on a kind fixed for the whole run
    break;
  case Action::heavy: {
    std::uint64_t t0 = platform::ticks();
    std::uint64_t failed = heavy() != 0;
    latency.ticks[latency.count++ & latency.mask] = platform::ticks() - t0;
    return failed;
  }
  case Action::spin:
    spin_ticks(op.ticks);
    break;
  case Action::mb_spin_mb:
    platform::smp_mb();
    spin_ticks(op.ticks);
    platform::smp_mb();
    break;
  default: // accesses and jumps belong to the caller's loop
    break;
  }
  return 0;
}

// A stored or assigned value: the constant, or the expression over this
// instance's registers (evaluate() recurses over the pool and allocates nothing).
inline Value value_of(const LoweredOp &op, const Value *regs, std::size_t register_count) {
  if (op.expr < 0)
    return op.value;
  return evaluate(std::span<const Expr>(op.exprs, static_cast<std::size_t>(op.expr) + 1), op.expr,
                  std::span<const Value>(regs, register_count));
}

// An access through a register or of an expression. The location is this
// instance's copy of the one whose address the register holds; a value that is
// no location's address reads 0 and stores nothing (see Op::addr_reg).
inline void execute_computed(const LoweredOp &op, char *base, Value *regs, std::size_t register_count) {
  Value *cell = reinterpret_cast<Value *>(base + op.offset);
  if (op.addr_reg >= 0) {
    const auto loc = static_cast<std::uint64_t>(regs[op.addr_reg]) - static_cast<std::uint64_t>(address_tag);
    cell = loc < op.locations ? reinterpret_cast<Value *>(base + loc * op.region_bytes) : nullptr;
  }
  // Constant memory orders in each branch: a run-time order would compile to seq_cst.
  switch (op.access) {
  case Action::store:
    if (cell)
      std::atomic_ref<Value>(*cell).store(value_of(op, regs, register_count), std::memory_order_relaxed);
    break;
  case Action::store_release:
    if (cell)
      std::atomic_ref<Value>(*cell).store(value_of(op, regs, register_count), std::memory_order_release);
    break;
  case Action::load:
    regs[op.reg] = cell ? std::atomic_ref<Value>(*cell).load(std::memory_order_relaxed) : 0;
    break;
  case Action::load_acquire:
    regs[op.reg] = cell ? std::atomic_ref<Value>(*cell).load(std::memory_order_acquire) : 0;
    break;
  default:
    break;
  }
}

// The ops whose address or value is computed at run time; returns the next
// pc. Out of line on purpose: inlined into run_batch, the call to evaluate()
// inside them made the compiler keep the loop's own values on the stack, and
// the constant forms (SB, MP, ...) ran a different instruction mix than
// before expressions existed.
[[gnu::noinline]] inline std::size_t execute_expression_op(const LoweredOp &op, char *base, Value *regs,
                                                           std::size_t register_count, std::size_t pc) {
  switch (op.action) {
  case Action::computed:
    execute_computed(op, base, regs, register_count);
    break;
  case Action::assign:
    regs[op.reg] = value_of(op, regs, register_count);
    break;
  case Action::jump_unless_expr:
    if (value_of(op, regs, register_count) == 0)
      return static_cast<std::size_t>(op.target);
    break;
  default:
    break;
  }
  return pc;
}

// Returns the number of heavy-barrier calls that failed (they must be 0).
// The arguments are copied to locals first: a store to a register (a Value)
// may alias any std::size_t field, which would make the compiler reload them.
inline std::uint64_t run_batch(const BatchArgs &a) {
  const LoweredOp *const ops = a.ops;
  const std::size_t op_count = a.op_count, instances = a.instances, stride = a.stride;
  const std::size_t register_count = static_cast<std::size_t>(a.register_count);
  char *const memory = a.memory;
  Value *const registers = a.registers;
  std::uint64_t failures = 0;
  for (std::size_t k = 0; k < instances; ++k) {
    char *base = memory + k * stride;
    Value *regs = registers + k * register_count;
    for (std::size_t pc = 0; pc < op_count;) {
      const LoweredOp &op = ops[pc++];
      auto cell = [&] { return std::atomic_ref<Value>(*reinterpret_cast<Value *>(base + op.offset)); };
      switch (op.action) {
      case Action::store:
        cell().store(op.value, std::memory_order_relaxed);
        break;
      case Action::load:
        regs[op.reg] = cell().load(std::memory_order_relaxed);
        break;
      case Action::store_release:
        cell().store(op.value, std::memory_order_release);
        break;
      case Action::load_acquire:
        regs[op.reg] = cell().load(std::memory_order_acquire);
        break;
      case Action::jump_unless:
        if (regs[op.reg] != op.value)
          pc = static_cast<std::size_t>(op.target);
        break;
      case Action::jump:
        pc = static_cast<std::size_t>(op.target);
        break;
      case Action::computed:
      case Action::assign:
      case Action::jump_unless_expr:
        pc = execute_expression_op(op, base, regs, register_count, pc);
        break;
      default:
        failures += execute_fence(op, a.heavy, *a.latency);
        break;
      }
    }
  }
  return failures;
}

} // namespace fencelab::hardware
