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

// Every index in the Test points somewhere valid.
inline void expect_well_formed(const Test &t, const std::string &context) {
  int locations = static_cast<int>(t.locations.size());
  for (std::size_t i = 0; i < t.threads.size(); ++i) {
    const auto &thread = t.threads[i];
    int size = static_cast<int>(thread.ops.size());
    int registers = static_cast<int>(thread.registers.size());
    for (const Op &op : thread.ops) {
      switch (op.kind) {
      case OpKind::store:
      case OpKind::store_release:
        EXPECT_TRUE(op.loc >= 0 && op.loc < locations) << context;
        break;
      case OpKind::load:
      case OpKind::load_acquire:
        EXPECT_TRUE(op.loc >= 0 && op.loc < locations) << context;
        EXPECT_TRUE(op.reg >= 0 && op.reg < registers) << context;
        break;
      case OpKind::jump_unless:
        EXPECT_TRUE(op.reg >= 0 && op.reg < registers) << context;
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

// Runs one thread alone: loads read `memory` (which stores do not change, so a
// test can choose what each load sees); returns the stores in order.
inline std::vector<std::pair<int, Value>> run_thread(const ThreadCode &code, const std::vector<Value> &memory) {
  std::vector<Value> regs(code.registers.size(), 0);
  std::vector<std::pair<int, Value>> stores;
  for (std::size_t pc = 0, steps = 0; pc < code.ops.size() && steps < 1000; ++steps) {
    const Op &op = code.ops[pc++];
    switch (op.kind) {
    case OpKind::store:
    case OpKind::store_release:
      stores.emplace_back(op.loc, op.value);
      break;
    case OpKind::load:
    case OpKind::load_acquire:
      regs[static_cast<std::size_t>(op.reg)] = memory[static_cast<std::size_t>(op.loc)];
      break;
    case OpKind::fence:
      break;
    case OpKind::jump_unless:
      if (regs[static_cast<std::size_t>(op.reg)] != op.value)
        pc = static_cast<std::size_t>(op.target);
      break;
    case OpKind::jump:
      pc = static_cast<std::size_t>(op.target);
      break;
    }
  }
  return stores;
}

} // namespace fencelab::parser_test
