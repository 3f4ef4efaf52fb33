#pragma once
// One thread function, `P<n>(int *x, ...) { ... }`, compiled to a ThreadCode.
#include "parse_context.hpp"

namespace fencelab {

// The next token must be the thread's name, P<index>. Parameters become
// locations of ctx.test (created with init 0 when new).
ThreadCode parse_thread(ParseContext &ctx, int index);

} // namespace fencelab
