#pragma once
// herd/litmus7-style result block: stable, greppable lines such as
// `Observation SB+barrier+barrier Sometimes 40 999960`.
#include "judge.hpp"

#include <ostream>

namespace fencelab::report {

struct HerdTextOptions {
  bool rates = false; // add iterations/s and weak outcomes/s lines
};

void write_herd_block(std::ostream &out, const TestResult &result, const HerdTextOptions &options = {});

} // namespace fencelab::report
