#include "relacy_options.hpp"

#include <boost/program_options.hpp>

#include <cmath>
#include <cstdint>
#include <string>

namespace fencelab::relacy {
namespace {

namespace po = boost::program_options;

template <class E> E parse_or_throw(const char *option, const std::string &text) {
  if (auto value = parse_enum<E>(text))
    return *value;
  throw po::error(std::string("--") + option + ": unknown value '" + text + "' (choose " + enum_choices<E>() + ")");
}

template <class E> po::typed_value<std::string> *enum_value(const char *option, E &target) {
  return po::value<std::string>()
      ->default_value(std::string(to_string(target)))
      ->notifier([option, &target](const std::string &text) { target = parse_or_throw<E>(option, text); });
}

} // namespace

po::options_description relacy_options(RelacyConfig &config) {
  po::options_description group("Relacy model");
  group.add_options()                                     //
      ("search", enum_value("search", config.search),     //
       ("model search: " + enum_choices<SearchMode>()).c_str()) //
      ("context-bound", po::value<unsigned>(&config.context_bound)->default_value(config.context_bound),
       "preemptions for context-bound search") //
      ("random-iterations",
       po::value<std::uint64_t>(&config.random_iterations)
           ->default_value(config.random_iterations)
           ->notifier([](std::uint64_t n) {
             if (n == 0)
               throw po::error("--random-iterations: must be at least 1");
           }),
       "executions for random search") //
      ("relacy-membarrier", enum_value("relacy-membarrier", config.membarrier),
       "membarrier in the model: precise (a fence injected into every other thread at a point the scheduler "
       "chooses) or stock (Relacy's process-wide fence)") //
      ("model-budget",
       po::value<double>(&config.budget_seconds)->default_value(config.budget_seconds)->notifier([](double s) {
         if (!(s > 0) || !std::isfinite(s))
           throw po::error("--model-budget: must be a positive number of seconds");
       }),
       "seconds of search per test; past it the model's answer is incomplete (never exhaustive)");
  return group;
}

} // namespace fencelab::relacy
