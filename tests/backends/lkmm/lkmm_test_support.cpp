#include "lkmm_test_support.hpp"

#include "litmus_parser.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace fencelab::lkmm::tests {

ModelAnswer answer(const Test &test, const Substitution &substitution) {
  LkmmModel model;
  ModelResult r = model.check(test, substitution);
  if (auto *u = std::get_if<Unsupported>(&r)) {
    ADD_FAILURE() << test.name << ": unsupported: " << u->reason;
    return {};
  }
  if (auto *f = std::get_if<Failed>(&r)) {
    ADD_FAILURE() << test.name << ": failed: " << f->reason;
    return {};
  }
  return std::get<ModelAnswer>(std::move(r));
}

Observation verdict(const Test &test, const ModelAnswer &a) {
  const Tally t = tally(test, a.outcomes);
  return observe(t.positive, t.negative);
}

bool raced(const ModelAnswer &a) {
  return std::find(a.flags.begin(), a.flags.end(), "data-race") != a.flags.end();
}

std::set<Outcome> outcome_set(const ModelAnswer &a) {
  std::set<Outcome> out;
  for (const auto &entry : a.outcomes.counts)
    out.insert(entry.first);
  return out;
}

Test litmus(const std::string &text) { return parse_litmus(text, "inline.litmus"); }

} // namespace fencelab::lkmm::tests
