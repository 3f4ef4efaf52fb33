#pragma once
// The hardware backend's own options (Boost.Program_options), read into the
// hardware fields of a RunConfig. The CLI shows this group only for the
// commands that run hardware.
#include "run_config.hpp"

#include <boost/program_options.hpp>

namespace fencelab::hardware {

boost::program_options::options_description hardware_options();

// Throws std::invalid_argument naming the option on a bad value.
void read_hardware_options(const boost::program_options::variables_map &vm, RunConfig &config);

} // namespace fencelab::hardware
