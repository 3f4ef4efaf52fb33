#include "program.hpp"

#include "cache_line.hpp"

#include <algorithm>

namespace fencelab::hardware {
namespace {

// The fence itself, as the table's side says it runs: nothing or a compiler
// barrier (light), the fence layer's instruction (cpu), the heavy barrier.
void lower_native(LoweredOp &l, FenceKind k) {
  const FenceInfo &info = fence_info(k);
  switch (info.side) {
  case FenceSide::light:
    l.action = info.cpp == CppFence::nothing ? Action::nothing : Action::compiler_barrier;
    return;
  case FenceSide::cpu:
    l.action = Action::cpu_fence;
    l.fence = k;
    return;
  case FenceSide::heavy:
    l.action = Action::heavy;
    return;
  }
}

Action access_action(OpKind k) {
  switch (k) {
  case OpKind::store:
    return Action::store;
  case OpKind::load:
    return Action::load;
  case OpKind::store_release:
    return Action::store_release;
  case OpKind::load_acquire:
    return Action::load_acquire;
  case OpKind::jump_unless:
    return Action::jump_unless;
  case OpKind::jump:
    return Action::jump;
  case OpKind::assign:
    return Action::assign;
  case OpKind::fence:
    break;
  }
  return Action::nothing;
}

bool is_access(OpKind k) {
  return k == OpKind::store || k == OpKind::load || k == OpKind::store_release || k == OpKind::load_acquire;
}

void lower_fence(LoweredOp &l, FenceKind kind, const Substitution &s, double ticks_per_ns) {
  switch (s.stand_for(kind)) {
  case Stand::native:
    lower_native(l, kind);
    return;
  case Stand::none:
    l.action = Action::nothing;
    return;
  case Stand::barrier:
    l.action = Action::compiler_barrier;
    return;
  case Stand::sham: {
    FenceSide side = fence_info(kind).side;
    if (side == FenceSide::light) { // nothing to imitate
      lower_native(l, kind);
      return;
    }
    auto it = s.sham_ns.find(kind);
    double ns = it == s.sham_ns.end() ? 0.0 : it->second;
    l.ticks = static_cast<std::uint64_t>(ns * ticks_per_ns);
    l.action = side == FenceSide::heavy ? Action::mb_spin_mb : Action::spin;
    return;
  }
  }
}

} // namespace

InstanceLayout make_layout(const Test &test, std::size_t instances, std::size_t stride_bytes) {
  InstanceLayout l;
  l.instances = instances;
  l.stride_bytes = std::max<std::size_t>(stride_bytes, sizeof(Value));
  l.locations = test.locations.size();
  // Each location's copies get their own run of cache lines, so two different
  // locations never share a line (that would add accidental coherence order).
  std::size_t span = instances * l.stride_bytes;
  constexpr std::size_t line = platform::cache_line_bytes;
  l.region_bytes = (span + line - 1) / line * line;
  return l;
}

Program lower(const ThreadCode &code, const InstanceLayout &layout, const Substitution &substitution,
              double ticks_per_ns) {
  Program p;
  p.registers = static_cast<int>(code.registers.size());
  p.exprs = code.exprs;
  for (const Op &op : code.ops) {
    // A plain access (`*x = 1`) runs as the same one-instruction relaxed
    // access as WRITE_ONCE: the hardware's own ordering is what is measured,
    // and a compiler free to merge or hoist it would measure nothing.
    LoweredOp l{access_action(op.kind), op.reg, op.target, 0, op.value, 0};
    if (op.loc >= 0)
      l.offset = layout.offset(static_cast<std::size_t>(op.loc), 0);
    if (op.kind == OpKind::fence)
      lower_fence(l, op.fence, substitution, ticks_per_ns);
    l.addr_reg = op.addr_reg;
    l.expr = op.expr;
    l.exprs = p.exprs.data(); // stays valid: p is moved, never copied
    l.region_bytes = layout.region_bytes;
    l.locations = layout.locations;
    if (is_access(op.kind) && (op.addr_reg >= 0 || op.expr >= 0)) {
      l.access = l.action;
      l.action = Action::computed;
    }
    if (op.kind == OpKind::jump_unless && op.expr >= 0)
      l.action = Action::jump_unless_expr;
    p.ops.push_back(l);
  }
  return p;
}

bool calls_heavy(const Program &p) {
  return std::any_of(p.ops.begin(), p.ops.end(), [](const LoweredOp &l) { return l.action == Action::heavy; });
}

bool worker_calls_heavy(const std::vector<Program> &programs, int worker, bool alternate_roles) {
  if (alternate_roles)
    return std::any_of(programs.begin(), programs.end(), calls_heavy);
  return calls_heavy(programs[static_cast<std::size_t>(worker)]);
}

} // namespace fencelab::hardware
