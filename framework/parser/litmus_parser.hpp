#pragma once
// Reads herd7's C-litmus format into a Test.
//
// The subset is what fencelab's backends can run: WRITE_ONCE, READ_ONCE,
// smp_store_release, smp_load_acquire, the fences smp_mb, smp_rmb, smp_wmb,
// barrier and fencelab's membarrier, and `if` on a register compared with
// constants. Valid herd input outside it (locks, RCU, atomics, dependencies,
// pointers, register arithmetic) throws ParseError with construct() naming it,
// at the construct's own line and column; nothing is skipped silently.
//
// Choices where herd leaves room:
//  * registers are numbered per thread in order of first use; a register only
//    named by the final condition or `locations` is added to its thread and
//    stays 0, as herd reads it;
//  * a register initialised to 0 (`0:r1=0;`, `int r1 = 0;` before any other
//    use) is accepted — registers start at 0 — any other register
//    initialisation is rejected as 'register init' / 'register expression';
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
