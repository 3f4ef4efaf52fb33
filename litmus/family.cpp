#include "family.hpp"

#include "ordering_table.hpp"

namespace fencelab {
namespace {

constexpr int x = 0;
constexpr int y = 1;

std::string family_name(Shape shape, FenceKind f0, FenceKind f1) {
  std::string name = shape == Shape::sb ? "SB" : "MP";
  return name + "+" + std::string(to_string(f0)) + "+" + std::string(to_string(f1));
}

Expectation table_expectation(FenceKind f0, FenceKind f1) {
  return {ordered_pair(f0, f1) ? Observation::never : Observation::sometimes, "membarrier(2) table"};
}

} // namespace

Test make_family_test(Shape shape, FenceKind f0, FenceKind f1) {
  Test t;
  t.name = family_name(shape, f0, f1);
  t.locations = {{"x", 0}, {"y", 0}};
  t.expectation = table_expectation(f0, f1);
  if (shape == Shape::sb) {
    t.description = "store buffering: each thread stores, then loads the other's location";
    t.threads = {{{Op::store(x, 1), Op::fence_of(f0), Op::load(y, 0)}, {"r0"}},
                 {{Op::store(y, 1), Op::fence_of(f1), Op::load(x, 0)}, {"r0"}}};
    t.condition.prop = Prop::conjunction({Prop::equals(t.register_slot(0, 0), 0), Prop::equals(t.register_slot(1, 0), 0)});
  } else {
    t.description = "message passing: data then flag; the reader sees the flag but not the data";
    t.threads = {{{Op::store(x, 1), Op::fence_of(f0), Op::store(y, 1)}, {}},
                 {{Op::load(y, 0), Op::fence_of(f1), Op::load(x, 1)}, {"r0", "r1"}}};
    t.condition.prop = Prop::conjunction({Prop::equals(t.register_slot(1, 0), 1), Prop::equals(t.register_slot(1, 1), 0)});
  }
  return t;
}

std::vector<Test> family_tests(Shape shape) {
  std::vector<Test> tests;
  for (FenceKind f0 : family_fences)
    for (FenceKind f1 : family_fences)
      tests.push_back(make_family_test(shape, f0, f1));
  return tests;
}

std::vector<Test> all_family_tests() {
  auto tests = family_tests(Shape::sb);
  for (auto &t : family_tests(Shape::mp))
    tests.push_back(std::move(t));
  return tests;
}

std::optional<Test> find_family_test(std::string_view name) {
  for (auto &t : all_family_tests())
    if (t.name == name)
      return t;
  return std::nullopt;
}

} // namespace fencelab
