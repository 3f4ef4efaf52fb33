#pragma once
// A Test lowered to fixed-size plain data for the Relacy interpreter. Simulated
// threads must not touch std containers (Relacy's allocator bookkeeping breaks),
// so everything they read lives in these arrays, filled before the simulation.
#include "condition.hpp"
#include "expr.hpp"

#include <cstdint>
#include <string>

namespace fencelab {
struct Test;
struct Substitution;
} // namespace fencelab

namespace fencelab::relacy {

inline constexpr int max_threads = 8; // one rl::test_suite instantiation per thread count
inline constexpr int max_ops = 64;    // per thread
inline constexpr int max_locations = 16;
inline constexpr int max_registers = 16; // per thread
inline constexpr int max_outcome_slots = 64;
inline constexpr int max_exprs = 64; // expression nodes per thread

// What the model executes. Fences are already mapped to C++ memory orders
// here (see lower_fence in model_program.cpp), so the interpreter stays dumb.
enum class ModelOpKind : std::uint8_t {
  nop,
  store,
  load,
  store_release,
  load_acquire,
  fence_seq_cst,
  fence_release,
  fence_acquire,
  membarrier,      // per the membarrier model chosen at run time
  membarrier_sham, // the caller's own fence only: nobody else gets one
  jump_unless,     // if (reg != value) goto target
  jump,
  assign,           // reg = expr
  jump_unless_expr, // if (expr == 0) goto target
};

// Accesses go to `loc`, or through `addr_reg` (see Op::addr_reg); stores
// store `value`, or `expr` when it is >= 0. Plain C accesses are lowered like
// ONCE ones (relaxed atomics): in C++ a racy plain access would make the
// whole test undefined, which says nothing about its ordering.
struct ModelOp {
  ModelOpKind kind = ModelOpKind::nop;
  std::int8_t loc = -1;
  std::int8_t reg = -1;
  std::int16_t target = -1;
  std::int8_t addr_reg = -1;
  std::int16_t expr = -1; // index into ModelThread::exprs
  Value value = 0;
};

struct ModelThread {
  int op_count = 0;
  int register_count = 0;
  int first_slot = 0; // outcome slot of register 0
  int expr_count = 0;
  ModelOp ops[max_ops];
  Expr exprs[max_exprs]; // children before parents, as in ThreadCode::exprs
};

struct ModelProgram {
  int thread_count = 0;
  int location_count = 0;
  int observed_count = 0;
  int outcome_size = 0;
  bool uses_membarrier = false; // a real (not sham) membarrier op appears
  Value initial[max_locations] = {};
  int observed[max_locations] = {}; // location of each observed slot, in slot order
  ModelThread threads[max_threads];
};

// Why `test` does not fit the model's static arrays or is malformed, or "".
std::string why_not_modelable(const Test &test);

// Precondition: why_not_modelable(test) is empty.
ModelProgram lower_to_model(const Test &test, const Substitution &substitution);

} // namespace fencelab::relacy
