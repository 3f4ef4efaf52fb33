// `fencelab list`: every known test with its expectation and description.
#include "catalogue.hpp"
#include "commands.hpp"
#include "options.hpp"
#include "verdict.hpp"

#include <fmt/core.h>

namespace fencelab::cli {

int list_command(const std::vector<std::string> &args) {
  po::options_description desc("list options");
  if (!parse_command("list", args, desc, {}, ""))
    return 0;
  for (const auto &t : catalogue())
    fmt::print("{:<28} {:<10} {}\n", t.name, t.expectation ? model_verdict_name(t.expectation->result) : "-",
               t.description);
  return 0;
}

} // namespace fencelab::cli
