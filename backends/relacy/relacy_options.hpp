#pragma once
// The Relacy model's command-line options, as a group the CLI adds to its own.
// Built only with Boost.Program_options (FENCELAB_CLI).
#include "relacy_config.hpp"

#include <boost/program_options/options_description.hpp>

namespace fencelab::relacy {

// "Relacy model": --search, --context-bound, --random-iterations,
// --relacy-membarrier, --model-budget, each defaulting to `config`'s value and
// stored into it by po::notify. Bad values throw a po::error naming the option.
boost::program_options::options_description relacy_options(RelacyConfig &config);

} // namespace fencelab::relacy
