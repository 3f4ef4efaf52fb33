#pragma once
// Reads herd7's C-litmus format into a Test.
//
// The subset is what fencelab's backends can run: WRITE_ONCE, READ_ONCE,
// smp_store_release, smp_load_acquire, plain C accesses (`*x = 1`, `r0 = *x`),
// the fence calls of fence_table (smp_mb, smp_rmb, smp_wmb, barrier and fencelab's membarrier),
// register expressions (`r1 = (r0 != 0)`, `WRITE_ONCE(*y, r0 + 1)`, any C
// operator but ?:, assignment and ++), `if` on any register expression,
// casts and integer or pointer types, and addresses of shared locations as
// values (`int *r0 = READ_ONCE(*p)`, `READ_ONCE(*r0)`, `{ p=x; }`,
// `exists (0:r0=x)`). Valid herd input outside it (locks, RCU, atomics, xchg,
// loops, calls, a load inside a larger expression) throws ParseError with
// construct() naming it, at the construct's own line and column; nothing is
// skipped silently.
//
// Choices where herd leaves room:
//  * registers are numbered per thread in order of first use; a register only
//    named by the final condition or `locations` is added to its thread and
//    stays 0, as herd reads it;
//  * a register initialised to 0 (`0:r1=0;`, `int r1 = 0;` before any other
//    use) adds nothing — registers start at 0; any other value in the initial
//    state (`1:r2=b;`) becomes an assign at the start of the thread;
//  * a parameter's name used as a value (`WRITE_ONCE(*p, x)`, `int r1 = y;`),
//    like `&x`, is the location's address, as herd reads it;
//  * locations are numbered: initial-state order, then thread parameters in
//    order, then names only the condition mentions; all start at 0 unless
//    initialised;
//  * observed_locations: memory locations named by `locations [...]`, the
//    filter or the condition, in that order of first mention;
//  * expectation: the first `Result: Never|Sometimes|Always` inside a
//    `(* ... *)` comment (source "Result: line"); `Maybe` or none gives none.
#include "parse_error.hpp"
#include "test.hpp"

#include <filesystem>
#include <string>
#include <string_view>

namespace fencelab {

// Whose verdict a Result: line is depends on the file (LKMM for the kernel corpus,
// the C++ model with membarrier for fencelab's catalogue), so it is named neutrally.
inline constexpr std::string_view herd_result_source = "Result: line";

// `file_name` is used only in error messages.
Test parse_litmus(std::string_view text, const std::string &file_name);

// Reads and parses one file; an unreadable file is a ParseError at line 0.
Test parse_litmus_file(const std::filesystem::path &path);

} // namespace fencelab
