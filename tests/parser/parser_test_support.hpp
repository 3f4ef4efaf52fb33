#pragma once
// Helpers shared by the parser tests: structural checks every parsed Test must
// pass, and a tiny interpreter for one thread's op list.
#include "litmus_parser.hpp"

#include <gtest/gtest.h>

#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace fencelab::parser_test {

inline const std::string file_name = "t.litmus";

// Every expression of the pool reads valid registers and lists children first.
inline void expect_pool_well_formed(const ThreadCode &code, const std::string &context) {
  int registers = static_cast<int>(code.registers.size());
  for (std::size_t i = 0; i < code.exprs.size(); ++i) {
    const Expr &e = code.exprs[i];
    if (e.kind == ExprKind::reg) {
      EXPECT_TRUE(e.reg >= 0 && e.reg < registers) << context;
    }
    EXPECT_LT(e.lhs, static_cast<int>(i)) << context;
    EXPECT_LT(e.rhs, static_cast<int>(i)) << context;
    bool leaf = e.kind == ExprKind::constant || e.kind == ExprKind::reg;
    bool unary = e.kind == ExprKind::negate || e.kind == ExprKind::bit_not || e.kind == ExprKind::logical_not;
    EXPECT_EQ(e.lhs >= 0, !leaf) << context;
    EXPECT_EQ(e.rhs >= 0, !leaf && !unary) << context;
  }
}

// An access names a location, or a register holding one's address, never both.
inline void expect_address_well_formed(const Op &op, int locations, int registers, const std::string &context) {
  if (op.addr_reg >= 0) {
    EXPECT_LT(op.addr_reg, registers) << context;
    EXPECT_EQ(op.loc, -1) << context;
  } else {
    EXPECT_TRUE(op.loc >= 0 && op.loc < locations) << context;
  }
}

// Every index in the Test points somewhere valid.
inline void expect_well_formed(const Test &t, const std::string &context) {
  int locations = static_cast<int>(t.locations.size());
  for (std::size_t i = 0; i < t.threads.size(); ++i) {
    const auto &thread = t.threads[i];
    int size = static_cast<int>(thread.ops.size());
    int registers = static_cast<int>(thread.registers.size());
    int exprs = static_cast<int>(thread.exprs.size());
    expect_pool_well_formed(thread, context);
    for (const Op &op : thread.ops) {
      EXPECT_LT(op.expr, exprs) << context;
      switch (op.kind) {
      case OpKind::store:
      case OpKind::store_release:
        expect_address_well_formed(op, locations, registers, context);
        break;
      case OpKind::load:
      case OpKind::load_acquire:
        expect_address_well_formed(op, locations, registers, context);
        EXPECT_TRUE(op.reg >= 0 && op.reg < registers) << context;
        EXPECT_EQ(op.expr, -1) << context;
        break;
      case OpKind::assign:
        EXPECT_TRUE(op.reg >= 0 && op.reg < registers) << context;
        EXPECT_GE(op.expr, 0) << context;
        break;
      case OpKind::jump_unless:
        EXPECT_TRUE(op.expr >= 0 || (op.reg >= 0 && op.reg < registers)) << context;
        [[fallthrough]];
      case OpKind::jump:
        EXPECT_TRUE(op.target >= 0 && op.target <= size) << context;
        break;
      case OpKind::fence:
        EXPECT_NE(op.fence, FenceKind::none) << context;
        break;
      }
    }
  }
  for (int loc : t.observed_locations)
    EXPECT_TRUE(loc >= 0 && loc < locations) << context;
  std::function<void(const Prop &)> check = [&](const Prop &p) {
    if (p.kind == Prop::Kind::atom) {
      EXPECT_TRUE(p.atom.slot >= 0 && p.atom.slot < t.outcome_size()) << context;
    }
    for (const auto &operand : p.operands)
      check(operand);
  };
  check(t.condition.prop);
  check(t.condition.filter);
}

// Every outcome of `size` slots with values in `values`.
inline std::vector<Outcome> all_outcomes(int size, const std::vector<Value> &values) {
  std::vector<Outcome> outcomes{Outcome{}};
  for (int slot = 0; slot < size; ++slot) {
    std::vector<Outcome> longer;
    for (const auto &o : outcomes)
      for (Value v : values) {
        longer.push_back(o);
        longer.back().push_back(v);
      }
    outcomes = std::move(longer);
  }
  return outcomes;
}

struct ThreadRun {
  std::vector<std::pair<int, Value>> stores; // (location, value) in program order
  std::vector<Value> registers;
};

// Runs one thread alone: loads read `memory` (which stores do not change, so a
// test can choose what each load sees); an access through a register that
// holds no location's address reads 0 and stores nothing.
inline ThreadRun run_thread_fully(const ThreadCode &code, const std::vector<Value> &memory) {
  ThreadRun run;
  auto &regs = run.registers;
  regs.assign(code.registers.size(), 0);
  auto location = [&](const Op &op) -> int {
    if (op.addr_reg < 0)
      return op.loc;
    Value a = regs[static_cast<std::size_t>(op.addr_reg)];
    return is_address(a) && static_cast<std::size_t>(location_of(a)) < memory.size() ? location_of(a) : -1;
  };
  auto value = [&](const Op &op) { return op.expr >= 0 ? evaluate(code.exprs, op.expr, regs) : op.value; };
  for (std::size_t pc = 0, steps = 0; pc < code.ops.size() && steps < 1000; ++steps) {
    const Op &op = code.ops[pc++];
    switch (op.kind) {
    case OpKind::store:
    case OpKind::store_release:
      if (location(op) >= 0)
        run.stores.emplace_back(location(op), value(op));
      break;
    case OpKind::load:
    case OpKind::load_acquire:
      regs[static_cast<std::size_t>(op.reg)] = location(op) >= 0 ? memory[static_cast<std::size_t>(location(op))] : 0;
      break;
    case OpKind::assign:
      regs[static_cast<std::size_t>(op.reg)] = value(op);
      break;
    case OpKind::fence:
      break;
    case OpKind::jump_unless:
      if (op.expr >= 0 ? value(op) == 0 : regs[static_cast<std::size_t>(op.reg)] != op.value)
        pc = static_cast<std::size_t>(op.target);
      break;
    case OpKind::jump:
      pc = static_cast<std::size_t>(op.target);
      break;
    }
  }
  return run;
}

inline std::vector<std::pair<int, Value>> run_thread(const ThreadCode &code, const std::vector<Value> &memory) {
  return run_thread_fully(code, memory).stores;
}

} // namespace fencelab::parser_test
