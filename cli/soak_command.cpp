// `fencelab soak`: every forbidden cell of the ordering table, in turn, round
// after round, each with its sham control, until a target number of
// forbidden-cell iterations (or of rounds) is reached. Any weak outcome in a
// forbidden cell is a violation: the soak stops after that cell, exit 1.
#include "cli_error.hpp"
#include "commands.hpp"
#include "exit_codes.hpp"
#include "progress.hpp"
#include "interrupt.hpp"
#include "session.hpp"
#include "shapes.hpp"
#include "soak.hpp"

#include <chrono>
#include <cmath>
#include <fmt/format.h>
#include <iostream>

namespace fencelab::cli {
namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

// Short enough to be cheap, long enough for every cell to finish a few chunks.
constexpr double calibration_budget = 0.05;

struct SoakOptions {
  double budget = 1.0, control_budget = 0.25;
  double target = 0; // forbidden-cell iterations; 0: --rounds decides
  double duration = 0; // seconds after which no cell starts; 0: no limit
  std::uint64_t rounds = 1;
  bool controls = true, quiet = false;
};

SoakOptions read_soak_options(const po::variables_map &vm) {
  SoakOptions o;
  o.budget = vm["budget"].as<double>();
  o.control_budget = vm.count("control-budget") ? vm["control-budget"].as<double>() : o.budget / 4;
  if (!(o.control_budget > 0))
    throw UsageError("--control-budget: must be a positive number of seconds");
  if (vm["cells"].as<std::string>() != "forbidden")
    throw UsageError("--cells: unknown value '" + vm["cells"].as<std::string>() + "' (choose forbidden)");
  if (vm.count("iterations")) {
    o.target = vm["iterations"].as<double>();
    if (!(o.target >= 1) || !std::isfinite(o.target))
      throw UsageError("--iterations: must be at least 1 (e.g. 1e10)");
    o.rounds = UINT64_MAX;
  }
  if (vm.count("rounds")) {
    o.rounds = vm["rounds"].as<std::uint64_t>();
    if (o.rounds == 0)
      throw UsageError("--rounds: must be at least 1");
  }
  if (vm.count("duration")) {
    o.duration = vm["duration"].as<double>();
    if (!(o.duration > 0))
      throw UsageError("--duration: must be a positive number of seconds");
  }
  o.controls = vm["controls"].as<bool>();
  o.quiet = vm["quiet"].as<bool>(); // the shared result option
  return o;
}

// Runs `test` once for `budget` seconds (and, with `control`, its sham
// control) into `cell`. Returns whether it showed a weak outcome.
bool soak_run(Session &session, SoakCell &cell, const Test &test, double budget, bool control, const SoakOptions &o,
              Clock::time_point begun) {
  RunConfig config = session.config();
  config.budget_seconds = budget;
  auto started = Clock::now();
  double since_start = std::chrono::duration<double>(started - begun).count();
  TestResult r = session.run_with(test, config);
  if (control && r.histogram && r.tally.positive == 0) {
    RunConfig control = config;
    control.budget_seconds = std::min(budget, o.control_budget);
    session.attach_control(r, control);
  }
  add_run(cell, r, since_start, seconds_since(started));
  return r.tally.positive > 0;
}

std::string eta_text(double seconds) {
  if (!std::isfinite(seconds) || seconds < 0)
    return "?";
  if (seconds < 120)
    return fmt::format("{:.0f} s", seconds);
  return seconds < 7200 ? fmt::format("{:.0f} min", seconds / 60) : fmt::format("{:.1f} h", seconds / 3600);
}

void print_cells(const std::vector<SoakCell> &cells, const SoakTotals &t, double wall) {
  fmt::print("{:<26} {:>16} {:>10} {:>8} {:>10}  {}\n", "cell", "iterations", "violations", "runs", "units",
             "power (sham weak units / units)");
  for (const auto &c : cells) {
    const TestResult &r = c.total;
    std::string power = !r.unsupported.empty() ? "unsupported: " + r.unsupported
                        : !r.failure.empty()   ? "FAILED: " + r.failure
                        : r.power ? fmt::format("{} {:.6f} ({}/{})", to_string(r.power->label), r.power->confidence,
                                                r.power->sham_weak_units, r.power->sham_units)
                                  : "no control";
    fmt::print("{:<26} {:>16} {:>10} {:>8} {:>10}  {}\n", r.test.name, r.tally.positive + r.tally.negative,
               r.tally.positive, c.runs, r.histogram ? r.histogram->stats.units : 0, power);
  }
  fmt::print("Soak forbidden-cell iterations {} ({:.3g}) violations {} in {} cells, wall {:.0f} s\n", t.iterations,
             static_cast<double>(t.iterations), t.violations, t.violating_cells, wall);
}

po::options_description soak_options() {
  po::options_description desc("soak options");
  desc.add_options()                                                                                         //
      ("budget", po::value<double>()->default_value(1.0), "seconds per cell per round")                    //
      ("iterations", po::value<double>(), "target forbidden-cell iterations in total (e.g. 1e10); prints the time it expects") //
      ("rounds", po::value<std::uint64_t>(), "rounds over every cell (default 1, or as many as --iterations needs)") //
      ("duration", po::value<double>(), "seconds after which no further cell starts (the record says it stopped early)") //
      ("cells", po::value<std::string>()->default_value("forbidden"), "which cells: forbidden (every cell the membarrier(2) table orders)") //
      ("shape", po::value<std::string>()->default_value("sb,mp"), "shapes: sb, mp or sb,mp")               //
      ("controls", po::value<bool>()->default_value(true), "run a sham control after every clean run (true|false)") //
      ("control-budget", po::value<double>(), "seconds per control (default: a quarter of --budget)");
  return desc;
}

// Before the long part starts: how long the target will take at the calibrated rate.
void print_estimate(const SoakOptions &o, const RoundEstimate &round, double done) {
  if (o.target > 0 && round.iterations > 0) {
    double rounds = std::ceil(std::max(0.0, o.target - done) / round.iterations);
    fmt::print("Soak estimate: {:.3g} forbidden-cell iterations per round of {:.0f} s; {:.3g} needs {:.0f} rounds, "
               "about {}\n",
               round.iterations, round.seconds, o.target, rounds, eta_text(rounds * round.seconds));
  } else {
    fmt::print("Soak estimate: {:.3g} forbidden-cell iterations per round of {:.0f} s\n", round.iterations,
               round.seconds);
  }
  std::fflush(stdout);
}

// What the soak was asked to do, into its record.
void add_settings(nlohmann::json &soak, const SoakOptions &o, const RoundEstimate &round) {
  soak["budget_seconds"] = o.budget;
  soak["control_budget_seconds"] = o.controls ? o.control_budget : 0.0;
  soak["calibration_budget_seconds"] = calibration_budget;
  soak["estimated_round"] = {{"iterations", round.iterations}, {"seconds", round.seconds}};
  if (o.target > 0)
    soak["target_iterations"] = o.target;
}

// One line per round on stderr, for logs of long soaks (the progress line is for terminals).
void print_round_line(std::uint64_t round, bool whole, double done, std::uint64_t violations, double elapsed,
                      double target) {
  fmt::print(stderr, "Soak round {}{}: {:.4g} forbidden-cell iterations, {} violations, {:.0f} s, {:.3g}/s{}\n", round,
             whole ? "" : " (cut short)", done, violations, elapsed, done / elapsed,
             target > 0 ? ", ETA " + eta_text((target - done) / (done / elapsed)) : "");
}

} // namespace

int soak_command(const std::vector<std::string> &args) {
  po::options_description desc = soak_options();
  desc.add(result_options()).add(hardware_group());
  auto vm = parse_command("soak", args, desc, {}, "[options]");
  if (!vm)
    return 0;
  SoakOptions o = read_soak_options(*vm);
  po::variables_map run_vm = *vm; // soak's --iterations is a total target, not the runs' length
  run_vm.erase("iterations");
  CommonOptions common = read_options(run_vm);
  common.backends = BackendChoice::hardware;
  common.config.budget_seconds = o.budget;
  auto cells_tests = forbidden_cells(parse_shapes((*vm)["shape"].as<std::string>()));
  auto session = open_session(*vm, common);
  session.validate(cells_tests);

  std::vector<SoakCell> cells(cells_tests.size());
  const auto begun = Clock::now();
  bool violated = false;
  // Calibration: every cell briefly, checked like any other run. Without
  // controls, so that a broken barrier in any cell shows within a second.
  for (std::size_t i = 0; i < cells.size() && !violated; ++i)
    violated = soak_run(session, cells[i], cells_tests[i], calibration_budget, false, o, begun);
  finish_cells(cells);
  auto round = estimate_round(cells, calibration_budget, o.budget, o.controls ? o.control_budget : 0);
  double done = static_cast<double>(totals(cells).iterations);
  print_estimate(o, round, done);

  std::uint64_t rounds = 0;
  bool out_of_time = false;
  // The record so far, rewritten (atomically) after every round, so that a
  // long soak stopped from outside leaves its last complete round.
  auto write_record = [&] {
    finish_cells(cells);
    auto t = totals(cells);
    std::vector<TestResult> results;
    for (const auto &c : cells)
      results.push_back(c.total);
    nlohmann::json soak = soak_json(cells, t);
    add_settings(soak, o, round);
    soak["rounds"] = rounds;
    soak["stopped_by_duration"] = out_of_time;
    soak["wall_seconds"] = seconds_since(begun);
    soak["arguments"] = args;
    return std::pair{session.write_results("soak", results, {{"soak", soak}}), results};
  };
  while (!violated && !out_of_time && !stopping() && rounds < o.rounds && (o.target == 0 || done < o.target)) {
    Progress progress(cells.size(), o.quiet);
    std::size_t i = 0;
    for (; i < cells.size() && !violated; ++i) {
      if (stopping()) // Ctrl-C or SIGTERM: no new cell; the record below keeps what ran
        break;
      if (o.duration > 0 && seconds_since(begun) >= o.duration) {
        out_of_time = true;
        break;
      }
      if (cells[i].unsupported)
        continue;
      double rate = done / std::max(seconds_since(begun), 1e-9);
      progress.start(fmt::format("round {} {} | {:.3g} of {:.3g}, ETA {}", rounds + 1, cells_tests[i].name, done,
                                 o.target, o.target > 0 ? eta_text((o.target - done) / rate) : "-"));
      violated = soak_run(session, cells[i], cells_tests[i], o.budget, o.controls, o, begun);
      done = static_cast<double>(totals(cells).iterations);
      progress.finish(cells_tests[i].name);
    }
    // Whole: every cell ran to its budget (a stop inside the last cell cut it short).
    bool whole = i == cells.size() && !stopping();
    rounds += whole;
    print_round_line(rounds + !whole, whole, done, totals(cells).violations, seconds_since(begun), o.target);
    if (!violated)
      write_record();
  }
  auto [path, results] = write_record();
  auto t = totals(cells);
  print_cells(cells, t, seconds_since(begun));
  std::cout << "Results written to " << path.string() << (stopping() ? " (interrupted)" : "") << '\n';
  if (t.violations > 0)
    return exit_code_after_stop(1);
  return exit_code_after_stop(t.failed ? 3 : exit_code_for(results));
}

} // namespace fencelab::cli
