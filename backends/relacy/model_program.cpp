#include "model_program.hpp"

#include "substitution.hpp"
#include "test.hpp"

namespace fencelab::relacy {
namespace {

std::string limit_reason(const std::string &what, std::size_t have, int max) {
  return "relacy: " + what + " " + std::to_string(have) + " exceeds the model's limit of " + std::to_string(max);
}

std::string op_reason(std::size_t thread, std::size_t index, const std::string &what) {
  return "relacy: thread " + std::to_string(thread) + " op " + std::to_string(index) + ": " + what;
}

std::string why_op_invalid(const Test &test, const ThreadCode &code, const Op &op) {
  const auto locations = test.locations.size();
  const auto registers = code.registers.size();
  const bool uses_loc = op.kind == OpKind::store || op.kind == OpKind::load || op.kind == OpKind::store_release ||
                        op.kind == OpKind::load_acquire;
  const bool uses_reg = op.kind == OpKind::load || op.kind == OpKind::load_acquire || op.kind == OpKind::assign ||
                        (op.kind == OpKind::jump_unless && op.expr < 0);
  const bool jumps = op.kind == OpKind::jump || op.kind == OpKind::jump_unless;
  if (uses_loc && op.addr_reg >= 0 && static_cast<std::size_t>(op.addr_reg) >= registers)
    return "address register index " + std::to_string(op.addr_reg) + " out of range";
  if (uses_loc && op.addr_reg < 0 && (op.loc < 0 || static_cast<std::size_t>(op.loc) >= locations))
    return "location index " + std::to_string(op.loc) + " out of range";
  if (op.expr >= 0 && static_cast<std::size_t>(op.expr) >= code.exprs.size())
    return "expression index " + std::to_string(op.expr) + " out of range";
  if (op.kind == OpKind::assign && op.expr < 0)
    return "an assign without an expression";
  if (uses_reg && (op.reg < 0 || static_cast<std::size_t>(op.reg) >= registers))
    return "register index " + std::to_string(op.reg) + " out of range";
  if (jumps && (op.target < 0 || static_cast<std::size_t>(op.target) > code.ops.size()))
    return "jump target " + std::to_string(op.target) + " out of range";
  return "";
}

// The model's reading of each fence. Relacy runs a thread's ops in program
// order and produces weak outcomes only through stale reads, so a compiler
// barrier adds nothing. smp_wmb/smp_rmb have no exact C++ counterpart: a
// release (acquire) fence orders earlier loads and stores before later stores
// (earlier loads before later loads and stores). That gives MP+wmb+rmb its
// kernel verdict; it is stronger than the kernel only for load->store order
// (LB shapes, which Relacy cannot produce anyway) and weaker only for
// store->store order seen through coherence alone (2+2W, also beyond Relacy).
ModelOpKind lower_fence(FenceKind kind, Stand stand) {
  if (stand == Stand::none || stand == Stand::barrier)
    return ModelOpKind::nop;
  if (stand == Stand::sham) // time does not exist in the model: only the caller's own fence survives
    return fence_info(kind).side == FenceSide::heavy ? ModelOpKind::membarrier_sham : ModelOpKind::nop;
  switch (fence_info(kind).cpp) {
  case CppFence::nothing:
  case CppFence::compiler_only:
    return ModelOpKind::nop;
  case CppFence::seq_cst:
    return ModelOpKind::fence_seq_cst;
  case CppFence::release:
    return ModelOpKind::fence_release;
  case CppFence::acquire:
    return ModelOpKind::fence_acquire;
  case CppFence::heavy:
    return ModelOpKind::membarrier;
  }
  return ModelOpKind::nop;
}

ModelOp lower_op(const Op &op, const Substitution &substitution) {
  ModelOp out;
  out.loc = static_cast<std::int8_t>(op.loc);
  out.reg = static_cast<std::int8_t>(op.reg);
  out.target = static_cast<std::int16_t>(op.target);
  out.addr_reg = static_cast<std::int8_t>(op.addr_reg);
  out.expr = static_cast<std::int16_t>(op.expr);
  out.value = op.value;
  switch (op.kind) {
  case OpKind::store:
    out.kind = ModelOpKind::store;
    break;
  case OpKind::load:
    out.kind = ModelOpKind::load;
    break;
  case OpKind::store_release:
    out.kind = ModelOpKind::store_release;
    break;
  case OpKind::load_acquire:
    out.kind = ModelOpKind::load_acquire;
    break;
  case OpKind::fence:
    out.kind = lower_fence(op.fence, substitution.stand_for(op.fence));
    break;
  case OpKind::jump_unless:
    out.kind = op.expr >= 0 ? ModelOpKind::jump_unless_expr : ModelOpKind::jump_unless;
    break;
  case OpKind::jump:
    out.kind = ModelOpKind::jump;
    break;
  case OpKind::assign:
    out.kind = ModelOpKind::assign;
    break;
  }
  return out;
}

} // namespace

std::string why_not_modelable(const Test &test) {
  if (test.threads.empty())
    return "relacy: the test has no threads";
  if (test.threads.size() > max_threads)
    return limit_reason("thread count", test.threads.size(), max_threads);
  if (test.locations.size() > max_locations)
    return limit_reason("location count", test.locations.size(), max_locations);
  if (test.outcome_size() > max_outcome_slots)
    return limit_reason("outcome size", static_cast<std::size_t>(test.outcome_size()), max_outcome_slots);
  for (std::size_t t = 0; t < test.threads.size(); ++t) {
    const auto &code = test.threads[t];
    if (code.ops.size() > max_ops)
      return limit_reason("thread " + std::to_string(t) + " op count", code.ops.size(), max_ops);
    if (code.registers.size() > max_registers)
      return limit_reason("thread " + std::to_string(t) + " register count", code.registers.size(), max_registers);
    if (code.exprs.size() > max_exprs)
      return limit_reason("thread " + std::to_string(t) + " expression size", code.exprs.size(), max_exprs);
    for (std::size_t i = 0; i < code.ops.size(); ++i)
      if (auto why = why_op_invalid(test, code, code.ops[i]); !why.empty())
        return op_reason(t, i, why);
  }
  for (int loc : test.observed_locations)
    if (loc < 0 || static_cast<std::size_t>(loc) >= test.locations.size())
      return "relacy: observed location index " + std::to_string(loc) + " out of range";
  return "";
}

ModelProgram lower_to_model(const Test &test, const Substitution &substitution) {
  ModelProgram program;
  program.thread_count = static_cast<int>(test.threads.size());
  program.location_count = static_cast<int>(test.locations.size());
  program.observed_count = static_cast<int>(test.observed_locations.size());
  program.outcome_size = test.outcome_size();
  for (int l = 0; l < program.location_count; ++l)
    program.initial[l] = test.locations[static_cast<std::size_t>(l)].init;
  for (int i = 0; i < program.observed_count; ++i)
    program.observed[i] = test.observed_locations[static_cast<std::size_t>(i)];
  for (int t = 0; t < program.thread_count; ++t) {
    const auto &code = test.threads[static_cast<std::size_t>(t)];
    auto &thread = program.threads[t];
    thread.op_count = static_cast<int>(code.ops.size());
    thread.register_count = static_cast<int>(code.registers.size());
    thread.first_slot = test.register_slot(t, 0);
    thread.expr_count = static_cast<int>(code.exprs.size());
    for (int e = 0; e < thread.expr_count; ++e)
      thread.exprs[e] = code.exprs[static_cast<std::size_t>(e)];
    for (int i = 0; i < thread.op_count; ++i) {
      thread.ops[i] = lower_op(code.ops[static_cast<std::size_t>(i)], substitution);
      if (thread.ops[i].kind == ModelOpKind::membarrier)
        program.uses_membarrier = true;
    }
  }
  return program;
}

} // namespace fencelab::relacy
