// litmus/catalogue/*.litmus: the LKMM backend meets each file's stated
// expectation (its Result: line).
#include "litmus_files.hpp"
#include "litmus_parser.hpp"
#include "lkmm_test_support.hpp"

#include <gtest/gtest.h>

#include <iostream>

namespace fencelab::lkmm::tests {
namespace {

TEST(LkmmCatalogue, MeetsEveryExpectation) {
  int checked = 0;
  for (const auto &file : find_litmus_files(FENCELAB_CATALOGUE)) {
    const fencelab::Test t = parse_litmus_file(file);
    ASSERT_TRUE(t.expectation) << file;
    EXPECT_EQ(verdict(t, answer(t)), t.expectation->result) << t.name;
    ++checked;
  }
  std::cout << "LKMM catalogue: " << checked << " files checked\n";
  EXPECT_GE(checked, 50);
}

} // namespace
} // namespace fencelab::lkmm::tests
