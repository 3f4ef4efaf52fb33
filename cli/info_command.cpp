// `fencelab info`: the machine, and what each barrier kind is made of here.
#include "commands.hpp"
#include "info_facts.hpp"
#include "options.hpp"

#include <iostream>

namespace fencelab::cli {

int info_command(const std::vector<std::string> &args) {
  po::options_description desc("info options");
  desc.add_options()("json", po::bool_switch(), "print the facts as a JSON document on stdout (results/schema.json)");
  auto vm = parse_command("info", args, desc, {}, "[--json]");
  if (!vm)
    return 0;
  auto facts = gather_info();
  if ((*vm)["json"].as<bool>())
    std::cout << info_json(facts).dump(2) << '\n';
  else
    print_info(facts);
  return 0;
}

} // namespace fencelab::cli
