#pragma once
// Conditions and outcomes printed in herd's syntax: `0:r0=0 /\ 1:r0=0`.
#include "test.hpp"

#include <string>

namespace fencelab {

// A value as herd prints it: a number, or the name of the location whose address it is.
std::string value_text(const Test &test, Value value);
std::string prop_text(const Test &test, const Prop &prop);
std::string condition_text(const Test &test);                       // e.g. "exists (0:r0=0 /\ 1:r0=0)"
std::string outcome_text(const Test &test, const Outcome &outcome); // "0:r0=0; 1:r0=0;"

} // namespace fencelab
