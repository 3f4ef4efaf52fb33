// libFuzzer target over the whole path from text to a Test: lexer, header and
// initial state, thread parser and builder, final condition. Any input must
// end in a Test or a ParseError; anything else (another exception, a crash, a
// sanitizer report, a hang, a leak) is a finding. A Test that comes out must
// also be well formed — every index it holds in range — because the backends
// index with those numbers unchecked.
#include "condition_text.hpp"
#include "litmus_parser.hpp"
#include "test_invariants.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char *>(data), size);
  fencelab::Test test;
  try {
    test = fencelab::parse_litmus(text, "fuzz.litmus");
  } catch (const fencelab::ParseError &e) {
    // The error's promise: one line, starting with the file name.
    std::string_view what = e.what();
    if (what.find('\n') != std::string_view::npos || !what.starts_with("fuzz.litmus")) {
      std::fprintf(stderr, "malformed ParseError: %s\n", e.what());
      std::abort();
    }
    return 0;
  }
  if (auto broken = fencelab::fuzz::first_broken_invariant(test)) {
    std::fprintf(stderr, "ill-formed Test: %s\n", broken->c_str());
    std::abort();
  }
  (void)fencelab::condition_text(test); // printing walks every atom's slot
  return 0;
}
