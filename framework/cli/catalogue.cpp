#include "catalogue.hpp"

#include "cli_error.hpp"
#include "family.hpp"

#include <algorithm>

namespace fencelab::cli {

std::vector<Test> catalogue() { return all_family_tests(); }

std::vector<Test> select_tests(const std::vector<std::string> &names) {
  std::vector<Test> tests;
  auto all = catalogue();
  for (const auto &name : names) {
    auto it = std::find_if(all.begin(), all.end(), [&](const Test &t) { return t.name == name; });
    if (it == all.end())
      throw UsageError("unknown test '" + name + "' (see `fencelab list`)");
    tests.push_back(*it);
  }
  return tests;
}

} // namespace fencelab::cli
