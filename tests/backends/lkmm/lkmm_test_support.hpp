#pragma once
// Helpers for the LKMM model tests: run the model, read herd's verdict off its
// answer, and build small Tests by hand or from litmus text.
#include "lkmm_model.hpp"
#include "observation.hpp"

#include <set>
#include <string>

namespace fencelab::lkmm::tests {

// The model's answer; fails the calling test (and returns an empty answer)
// when the model says Unsupported or Failed.
ModelAnswer answer(const Test &test, const Substitution &substitution = {});

// herd's Observation for the condition's proposition over the allowed outcomes.
Observation verdict(const Test &test, const ModelAnswer &a);

bool raced(const ModelAnswer &a);

std::set<Outcome> outcome_set(const ModelAnswer &a);

// Parses herd C-litmus text (the parser's subset).
Test litmus(const std::string &text);

} // namespace fencelab::lkmm::tests
