#pragma once
// Until backends/relacy/ provides its Model: Relacy's search behind the Model
// interface, with the options the CLI has always had.
#include "model.hpp"

#include <boost/program_options.hpp>
#include <memory>

namespace fencelab::cli {

boost::program_options::options_description relacy_shim_options();
std::unique_ptr<Model> make_relacy_shim(const boost::program_options::variables_map &vm);

} // namespace fencelab::cli
