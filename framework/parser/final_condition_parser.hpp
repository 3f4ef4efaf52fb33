#pragma once
// The section after the threads: `locations [...]`, `filter ...`, then the
// quantified proposition. Sets ctx.test.condition and observed_locations, and
// adds registers the condition names but no thread wrote (they stay 0).
#include "parse_context.hpp"

namespace fencelab {

// Call after every thread is parsed: slots depend on all registers.
void parse_final_condition(ParseContext &ctx);

} // namespace fencelab
