#include "thread_runs.hpp"

#include <algorithm>

namespace fencelab::lkmm {
namespace {

// A thread never needs more runs than this in the corpus; past it the product
// of runs over threads could not be searched in time anyway.
constexpr std::size_t max_runs_per_thread = 1 << 16;

struct PathState {
  int pc = 0;
  std::vector<Value> registers;
  std::vector<EventSet> depends; // per register: the run's reads its value comes from
  // Branches whose outcome still decides what runs: (join op, reads the
  // condition depends on). herd's ctrl reaches the events inside an `if`,
  // not those after it, which run whichever way it went.
  std::vector<std::pair<int, EventSet>> branches;
  ThreadRun run;
};

// For each conditional jump, its join: the first op every path from it goes
// through (its immediate post-dominator; ops.size() is the exit). Jumps only
// go forward, so post-dominators are found in one backward pass and the
// nearest one is the smallest.
std::vector<int> branch_joins(const std::vector<Op> &ops) {
  const int n = static_cast<int>(ops.size());
  std::vector<std::vector<bool>> pdom(static_cast<std::size_t>(n + 1), std::vector<bool>(static_cast<std::size_t>(n + 1)));
  pdom[static_cast<std::size_t>(n)][static_cast<std::size_t>(n)] = true;
  auto target = [&](const Op &op) { return std::clamp(op.target, 0, n); };
  for (int pc = n - 1; pc >= 0; --pc) {
    const Op &op = ops[static_cast<std::size_t>(pc)];
    std::vector<int> next;
    if (op.kind != OpKind::jump)
      next.push_back(pc + 1);
    if ((op.kind == OpKind::jump || op.kind == OpKind::jump_unless) && target(op) > pc)
      next.push_back(target(op));
    auto &mine = pdom[static_cast<std::size_t>(pc)];
    if (next.empty()) // a backward jump: thread_runs rejects the test anyway
      next.push_back(n);
    mine = pdom[static_cast<std::size_t>(next[0])];
    for (std::size_t k = 1; k < next.size(); ++k)
      for (int q = 0; q <= n; ++q)
        mine[static_cast<std::size_t>(q)] = mine[static_cast<std::size_t>(q)] && pdom[static_cast<std::size_t>(next[k])][static_cast<std::size_t>(q)];
    mine[static_cast<std::size_t>(pc)] = true;
  }
  std::vector<int> joins(static_cast<std::size_t>(n), n);
  for (int pc = 0; pc < n; ++pc)
    for (int q = pc + 1; q <= n; ++q)
      if (pdom[static_cast<std::size_t>(pc)][static_cast<std::size_t>(q)]) {
        joins[static_cast<std::size_t>(pc)] = q;
        break;
      }
  return joins;
}

class PathWalker {
public:
  PathWalker(const Test &test, int thread, const ValueDomains &domains, const Substitution &substitution,
             std::vector<StoredValue> *stored)
      : test_(test), code_(test.threads[static_cast<std::size_t>(thread)]), domains_(domains),
        substitution_(substitution), joins_(branch_joins(code_.ops)), stored_(stored) {}

  std::vector<ThreadRun> walk() {
    PathState start;
    start.registers.assign(code_.registers.size(), 0);
    start.depends.assign(code_.registers.size(), 0);
    follow(std::move(start));
    return std::move(runs_);
  }

private:
  EventSet depends_of_expr(const PathState &s, int expr) const {
    std::vector<int> regs;
    registers_read(code_.exprs, expr, regs);
    EventSet d = 0;
    for (int r : regs)
      d |= s.depends[static_cast<std::size_t>(r)];
    return d;
  }

  Value value_of(const PathState &s, int expr) const {
    std::vector<int> regs;
    registers_read(code_.exprs, expr, regs);
    for (int r : regs)
      if (s.registers[static_cast<std::size_t>(r)] == thin_air)
        return thin_air;
    return evaluate(code_.exprs, expr, s.registers);
  }

  // The accessed location, or -1 when the address register holds no address.
  int location_of_access(const PathState &s, const Op &op, EventSet &addr_from) const {
    if (op.addr_reg < 0)
      return op.loc;
    const Value a = s.registers[static_cast<std::size_t>(op.addr_reg)];
    addr_from = s.depends[static_cast<std::size_t>(op.addr_reg)];
    if (!is_address(a) || location_of(a) >= static_cast<int>(test_.locations.size()))
      return -1;
    return location_of(a);
  }

  void push_event(PathState &s, RunEvent e) {
    if (s.run.events.size() >= static_cast<std::size_t>(max_events))
      throw Unsupportable("a thread makes more than 64 memory accesses");
    std::erase_if(s.branches, [&](const auto &b) { return b.first <= s.pc; });
    for (const auto &b : s.branches)
      e.ctrl_from |= b.second;
    s.run.events.push_back(e);
  }

  static Mark mark_of(const Op &op) {
    if (op.kind == OpKind::store_release)
      return Mark::release;
    if (op.kind == OpKind::load_acquire)
      return Mark::acquire;
    return op.plain ? Mark::plain : Mark::once;
  }

  // Few distinct stores exist (a location holds at most 32 values), however
  // many paths make them: keep each once.
  void note_store(const StoredValue &v) {
    const auto same = [&](const StoredValue &o) { return o.loc == v.loc && o.value == v.value && o.from_read == v.from_read; };
    if (std::find_if(stored_->begin(), stored_->end(), same) == stored_->end())
      stored_->push_back(v);
  }

  // Returns false when the path dereferences a non-address and ends.
  bool store(PathState &s, const Op &op) {
    RunEvent e;
    e.access = Access::write;
    e.mark = mark_of(op);
    e.loc = location_of_access(s, op, e.addr_from);
    if (e.loc < 0)
      return false;
    e.value = op.value;
    if (op.expr >= 0) {
      e.value = value_of(s, op.expr);
      e.data_from = depends_of_expr(s, op.expr);
    }
    if (stored_ != nullptr)
      note_store({e.loc, e.value, e.data_from != 0});
    push_event(s, e);
    return true;
  }

  // One path per value the location may hold, each followed to its end.
  void load(PathState s, const Op &op) {
    RunEvent e;
    e.access = Access::read;
    e.mark = mark_of(op);
    e.loc = location_of_access(s, op, e.addr_from);
    if (e.loc < 0)
      return;
    const auto &values = domains_[static_cast<std::size_t>(e.loc)];
    const EventSet self = bit(static_cast<int>(s.run.events.size()));
    for (std::size_t i = 0; i < values.size(); ++i) {
      PathState fork = i + 1 == values.size() ? std::move(s) : s;
      RunEvent read = e;
      read.value = values[i];
      push_event(fork, read);
      fork.registers[static_cast<std::size_t>(op.reg)] = values[i];
      fork.depends[static_cast<std::size_t>(op.reg)] = self;
      ++fork.pc;
      follow(std::move(fork));
    }
  }

  // The op a conditional jump goes to, or -1 when the condition is a
  // thin-air value: no equation decides it, and herd takes both ways then
  // (only the corpus's plain-race tests get here, and agree either way).
  // Opens the jump's control-dependency scope.
  int branch(PathState &s, const Op &op) {
    Value v;
    EventSet deps;
    if (op.expr >= 0) {
      v = value_of(s, op.expr);
      deps = depends_of_expr(s, op.expr);
    } else {
      const Value r = s.registers[static_cast<std::size_t>(op.reg)];
      v = r == thin_air ? thin_air : Value{r == op.value};
      deps = s.depends[static_cast<std::size_t>(op.reg)];
    }
    if (deps != 0)
      s.branches.emplace_back(joins_[static_cast<std::size_t>(s.pc)], deps);
    if (v == thin_air)
      return -1;
    const bool holds = v != 0;
    return holds ? s.pc + 1 : op.target;
  }

  // Follows one path to its end, forking at each read into one path per
  // value; a path that dereferences a non-address just ends, unrecorded.
  void follow(PathState s) {
    const int end = static_cast<int>(code_.ops.size());
    while (s.pc < end) {
      const Op &op = code_.ops[static_cast<std::size_t>(s.pc)];
      int next = s.pc + 1;
      switch (op.kind) {
      case OpKind::store:
      case OpKind::store_release:
        if (!store(s, op))
          return;
        break;
      case OpKind::load:
      case OpKind::load_acquire:
        load(std::move(s), op);
        return;
      case OpKind::fence: {
        FenceClass f;
        if (lowered_fence(op.fence, substitution_, f))
          s.run.fences.push_back({static_cast<int>(s.run.events.size()), f});
        break;
      }
      case OpKind::jump_unless:
        next = branch(s, op);
        if (next < 0) {
          if (op.target <= s.pc)
            throw Unsupportable("a loop (backward jump)");
          PathState other = s;
          other.pc = op.target;
          follow(std::move(other));
          next = s.pc + 1;
        }
        break;
      case OpKind::jump:
        next = op.target;
        break;
      case OpKind::assign:
        s.registers[static_cast<std::size_t>(op.reg)] = value_of(s, op.expr);
        s.depends[static_cast<std::size_t>(op.reg)] = depends_of_expr(s, op.expr);
        break;
      }
      if (next <= s.pc)
        throw Unsupportable("a loop (backward jump)");
      s.pc = next;
    }
    if (runs_.size() >= max_runs_per_thread)
      throw Unsupportable("a thread has more than 65536 runs");
    s.run.registers = std::move(s.registers);
    runs_.push_back(std::move(s.run));
  }

  const Test &test_;
  const ThreadCode &code_;
  const ValueDomains &domains_;
  const Substitution &substitution_;
  const std::vector<int> joins_;
  std::vector<StoredValue> *stored_;
  std::vector<ThreadRun> runs_;
};

} // namespace

bool lowered_fence(FenceKind kind, const Substitution &substitution, FenceClass &out) {
  if (substitution.stand_for(kind) != Stand::native)
    return false; // none and sham order nothing; a compiler barrier orders nothing here either
  switch (fence_info(kind).cat) {
  case CatFence::mb:
    out = FenceClass::mb;
    return true;
  case CatFence::wmb:
    out = FenceClass::wmb;
    return true;
  case CatFence::rmb:
    out = FenceClass::rmb;
    return true;
  case CatFence::membarrier:
    out = FenceClass::membarrier;
    return true;
  case CatFence::none:
    return false;
  }
  return false;
}

std::vector<ThreadRun> thread_runs(const Test &test, int thread, const ValueDomains &domains,
                                   const Substitution &substitution, std::vector<StoredValue> *stored) {
  return PathWalker(test, thread, domains, substitution, stored).walk();
}

} // namespace fencelab::lkmm
