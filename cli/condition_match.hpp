#pragma once
// Reads a final condition back from its herd text in a result document
// (`exists (0:r0=0 /\ 1:r0=0)`, as framework/condition_text prints it) and
// tells which recorded outcomes satisfy it, so a report can mark them
// without the test at hand.
#include "result_document.hpp"

#include <optional>
#include <string>

namespace fencelab::cli {

// Whether `outcome` satisfies the condition's proposition (and its filter,
// if any); nullopt when the text cannot be read or names a slot the outcome
// lacks: the report then marks nothing rather than guess.
std::optional<bool> satisfies_condition(const std::string &condition, const OutcomeCount &outcome);

} // namespace fencelab::cli
