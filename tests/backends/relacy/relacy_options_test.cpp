// The Relacy model's option group: the CLI's spellings, its defaults, what it
// stores into a RelacyConfig, and a one-line error naming the option.
#include "relacy_options.hpp"

#include <gtest/gtest.h>

#include <boost/program_options.hpp>

#include <sstream>
#include <string>
#include <vector>

namespace fencelab::relacy {
namespace {

namespace po = boost::program_options;

RelacyConfig parsed(const std::vector<std::string> &args) {
  RelacyConfig config;
  const auto group = relacy_options(config);
  po::variables_map vm;
  po::store(po::command_line_parser(args).options(group).run(), vm);
  po::notify(vm);
  return config;
}

std::string error_of(const std::vector<std::string> &args) {
  try {
    parsed(args);
  } catch (const po::error &e) {
    return e.what();
  }
  return "";
}

TEST(RelacyOptions, DefaultsAreTheConfigsOwn) {
  const RelacyConfig config = parsed({});
  const RelacyConfig defaults;
  EXPECT_EQ(config.search, SearchMode::full);
  EXPECT_EQ(config.context_bound, defaults.context_bound);
  EXPECT_EQ(config.random_iterations, defaults.random_iterations);
  EXPECT_EQ(config.membarrier, MembarrierModel::precise);
  EXPECT_EQ(config.budget_seconds, 10.0);
}

TEST(RelacyOptions, StoresEveryOption) {
  const RelacyConfig config = parsed({"--search", "context-bound", "--context-bound", "3", "--random-iterations", "77",
                                      "--relacy-membarrier", "stock", "--model-budget", "2.5"});
  EXPECT_EQ(config.search, SearchMode::context_bound);
  EXPECT_EQ(config.context_bound, 3u);
  EXPECT_EQ(config.random_iterations, 77u);
  EXPECT_EQ(config.membarrier, MembarrierModel::stock);
  EXPECT_EQ(config.budget_seconds, 2.5);
  EXPECT_EQ(parsed({"--search", "random"}).search, SearchMode::random);
}

TEST(RelacyOptions, BadValuesNameTheOption) {
  EXPECT_EQ(error_of({"--search", "deep"}), "--search: unknown value 'deep' (choose full|context-bound|random)");
  EXPECT_EQ(error_of({"--relacy-membarrier", "fast"}),
            "--relacy-membarrier: unknown value 'fast' (choose precise|stock)");
  EXPECT_EQ(error_of({"--random-iterations", "0"}), "--random-iterations: must be at least 1");
  EXPECT_EQ(error_of({"--model-budget", "0"}), "--model-budget: must be a positive number of seconds");
  EXPECT_EQ(error_of({"--model-budget", "-1"}), "--model-budget: must be a positive number of seconds");
  EXPECT_NE(error_of({"--model-budget", "soon"}).find("model-budget"), std::string::npos);
}

TEST(RelacyOptions, HelpIsTitledAndListsEveryOption) {
  RelacyConfig config;
  std::ostringstream help;
  help << relacy_options(config);
  const std::string text = help.str();
  EXPECT_EQ(text.rfind("Relacy model:", 0), 0u) << text;
  for (const char *option :
       {"--search", "--context-bound", "--random-iterations", "--relacy-membarrier", "--model-budget"})
    EXPECT_NE(text.find(option), std::string::npos) << option;
}

} // namespace
} // namespace fencelab::relacy
