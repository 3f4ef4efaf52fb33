// `fencelab check NAME|FILE|DIR...`: the model only, for CI. Exit 0 when the
// model meets every test's stated expectation, 1 otherwise.
#include "catalogue.hpp"
#include "cli_error.hpp"
#include "commands.hpp"
#include "corpus_summary.hpp"
#include "herd_text.hpp"
#include "interrupt.hpp"
#include "progress.hpp"
#include "session.hpp"

#include <chrono>
#include <fmt/core.h>
#include <iostream>

namespace fencelab::cli {

int check_command(const std::vector<std::string> &args) {
  po::options_description desc("check options");
  desc.add(result_options()).add(model_options(BackendChoice::model, false));
  desc.add_options()("test", po::value<std::vector<std::string>>(), "test names, .litmus files or directories") //
      ("allow-limited", po::bool_switch(),
       "a test whose model verdict is model-limited (it rests on something Relacy cannot produce) is reported "
       "but does not fail the run") //
      ("verbose,v", po::bool_switch(), "print the model's herd-style block for every test") //
      ("summary", po::value<std::string>(), "DIR: a whole corpus against the model: parsed, rejected by construct, "
                                             "agree, disagree with a reason for each") //
      ("max-unexplained", po::value<double>()->default_value(1.0),
       "with --summary: exit 1 when more than this percentage of checked tests disagree for no known reason");
  po::positional_options_description positional;
  positional.add("test", -1);
  auto vm = parse_command("check", args, desc, positional, "NAME|FILE|DIR... [options]");
  if (!vm)
    return 0;
  auto options = read_options(*vm);
  options.backends = BackendChoice::model;
  bool quiet = options.quiet;
  auto session = open_session(*vm, std::move(options));
  if (vm->count("summary")) {
    std::filesystem::path dir = (*vm)["summary"].as<std::string>();
    if (!std::filesystem::is_directory(dir))
      throw UsageError("--summary: " + dir.string() + " is not a directory");
    return corpus_summary(session, dir, {(*vm)["max-unexplained"].as<double>() / 100.0, quiet});
  }
  if (!vm->count("test"))
    throw UsageError("check: name at least one test, .litmus file or directory");
  auto tests = select_tests((*vm)["test"].as<std::vector<std::string>>());
  bool verbose = (*vm)["verbose"].as<bool>();

  auto start = std::chrono::steady_clock::now();
  std::vector<TestResult> results;
  int failed = 0, unchecked = 0, limited = 0;
  bool allow_limited = (*vm)["allow-limited"].as<bool>();
  Progress progress(tests.size(), quiet);
  for (const auto &t : tests) {
    if (stopping()) // the models stop between tests
      break;
    progress.start(t.name);
    auto r = session.model_only(t);
    progress.finish(t.name);
    progress.clear();
    std::string status;
    const ModelView *model = r.model();
    if (!model) {
      status = "unsupported: " + r.models_unanswered();
      ++unchecked;
    } else if (!t.expectation) {
      status = "no expectation";
    } else if (r.verdict == Verdict::model_disagreement) {
      status = "FAIL (MODEL DISAGREEMENT)";
      ++failed;
    } else if (*r.model_meets_expectation) {
      status = "ok";
    } else if (model_verdict(*model) == ModelVerdict::incomplete) {
      status = std::string(allow_limited ? "incomplete" : "FAIL (incomplete)") + ": " + model->answer.incomplete;
      ++(allow_limited ? limited : failed);
    } else if (!decisive(*model) && !model->answer.limits.empty()) {
      status = std::string(allow_limited ? "model-limited" : "FAIL (model-limited)") + ": " + model->answer.limits.front();
      ++(allow_limited ? limited : failed);
    } else {
      status = "FAIL";
      ++failed;
    }
    if (verbose)
      report::write_herd_block(std::cout, r);
    fmt::print("Check {} {} expected {} model {} ({} executions)\n", t.name, status,
               t.expectation ? std::string(to_string(t.expectation->result)) : "-",
               model ? model_summary(*model) : "-", model ? model->answer.executions : 0);
    results.push_back(std::move(r));
  }
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  fmt::print("{} passed, {} failed, {} unsupported, {} model-limited ({:.2f} s){}\n",
             results.size() - failed - unchecked - limited, failed, unchecked, limited, seconds,
             stopping() ? fmt::format(", interrupted after {} of {} tests", results.size(), tests.size()) : "");
  if (vm->count("json"))
    session.write_results("check", results);
  return exit_code_after_stop(failed || unchecked ? 1 : 0);
}

} // namespace fencelab::cli
