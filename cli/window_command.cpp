// `fencelab window`: how long this machine keeps a store buffered, against
// how long each heavy barrier takes. SB runs with the heavy side replaced by
// its sham (smp_mb; spin d; smp_mb) for a rising d: the largest d that still
// shows the weak outcome is the window, measured per light-side technique
// (batch or perpetual mode, padding stores). A membarrier cell's "Never" can
// only be evidence where an in-contract window is longer than the barrier.
#include "cli_error.hpp"
#include "commands.hpp"
#include "family.hpp"
#include "grid.hpp"
#include "interrupt.hpp"
#include "progress.hpp"
#include "session.hpp"

#include <algorithm>
#include <fmt/core.h>
#include <fmt/ranges.h>
#include <sstream>

namespace fencelab::cli {
namespace {

std::vector<double> parse_delays(const std::string &text) {
  std::vector<double> delays;
  std::stringstream in(text);
  std::string word;
  while (std::getline(in, word, ',')) {
    try {
      std::size_t used = 0;
      double d = std::stod(word, &used);
      if (used != word.size() || d < 0)
        throw std::invalid_argument(word);
      delays.push_back(d);
    } catch (const std::logic_error &) {
      throw UsageError("--delays: bad delay '" + word + "' (nanoseconds, e.g. 0,50,200)");
    }
  }
  return delays;
}

} // namespace

namespace {

// A way of running the light side, and what it changes in the run.
struct Technique {
  const char *name;
  const char *what;
  bool in_contract; // ordinary stores and loads only: a weak outcome against the real barrier is a violation
  void (*apply)(RunConfig &);
};

const Technique techniques[] = {
    {"batch", "fresh packed instances between rendezvous, plain stores", true,
     [](RunConfig &c) { c.mode = HardwareMode::batch; }},
    {"perpetual", "no rendezvous within a chunk, sequence-numbered plain stores", true,
     [](RunConfig &c) { c.mode = HardwareMode::perpetual; }},
    {"perpetual+pad32", "perpetual, 32 cache-missing stores queued before each light-side test store", true,
     [](RunConfig &c) {
       c.mode = HardwareMode::perpetual;
       c.pad_stores = 32;
     }},
    {"perpetual+pad128", "perpetual, 128 cache-missing stores queued before each light-side test store", true,
     [](RunConfig &c) {
       c.mode = HardwareMode::perpetual;
       c.pad_stores = 128;
     }},
};

// One technique's sweep over the sham delays: the longest delay at which the
// weak outcome still appears is how long a store stays buffered with it.
nlohmann::json sweep_technique(Session &session, const Test &sb, const Technique &tech,
                               const std::vector<double> &delays, std::vector<TestResult> &results,
                               Progress &progress) {
  nlohmann::json sweep = nlohmann::json::array();
  double window = -1, window_rate = 0;
  fmt::print("\ntechnique {}: {}{}\n", tech.name, tech.what, tech.in_contract ? "" : " (outside the contract)");
  fmt::print("{:>10} {:>12} {:>12} {:>12}\n", "d (ns)", "weak", "iterations", "weak/M");
  for (double d : delays) {
    if (stopping()) // a stop between runs starts no other
      break;
    std::string item = fmt::format("{} d={:.0f} ns", tech.name, d);
    progress.start(item);
    RunConfig c = session.config();
    tech.apply(c);
    c.substitution.stands[FenceKind::membarrier] = Stand::sham;
    c.substitution.sham_ns[FenceKind::membarrier] = d;
    auto r = session.run_with(sb, c);
    progress.finish(item);
    progress.clear();
    if (!r.histogram)
      throw std::runtime_error(r.unsupported);
    auto n = r.tally.positive + r.tally.negative;
    double per_m = 1e6 * static_cast<double>(r.tally.positive) / std::max<double>(1, static_cast<double>(n));
    fmt::print("{:>10.0f} {:>12} {:>12} {:>12.3f}\n", d, r.tally.positive, n, per_m);
    if (r.tally.positive > 0 && d > window) {
      window = d;
      window_rate = per_m;
    }
    sweep.push_back({{"delay_ns", d}, {"weak", r.tally.positive}, {"iterations", n}});
    results.push_back(std::move(r));
  }
  fmt::print("window {}: {}\n", tech.name,
             window < 0 ? std::string("no weak outcome at any delay")
                        : fmt::format("weak outcomes up to a {:.0f} ns sham ({:.3f} per million there)", window,
                                      window_rate));
  return {{"technique", tech.name}, {"description", tech.what},         {"in_contract", tech.in_contract},
          {"sweep", sweep},         {"window_ns", window},              {"weak_per_million_at_window", window_rate}};
}

// Each heavy barrier's latency with the partner running, against `best`, the
// longest in-contract window.
nlohmann::json heavy_latencies(Session &session, const Test &sb, double best, Progress &progress) {
  fmt::print("\n{:<18} {:>12} {:>12} {:>14}  {}\n", "heavy barrier", "median ns", "p99 ns", "partner IPIs",
             "a Never can be evidence? (longest in-contract window)");
  nlohmann::json heavies = nlohmann::json::array();
  for (const auto &entry : enum_names(HeavyBarrier{})) {
    if (stopping())
      break;
    progress.start(entry.name);
    RunConfig c = session.config();
    c.heavy = entry.value;
    c.substitution = {};
    c.budget_seconds = std::min(c.budget_seconds, 0.3);
    auto r = session.run_with(sb, c);
    progress.finish(entry.name);
    progress.clear();
    if (!r.histogram || !r.histogram->stats.heavy_latency) {
      fmt::print("{:<18} unsupported: {}\n", entry.name, r.unsupported);
      heavies.push_back({{"heavy", entry.name}, {"unsupported", r.unsupported}});
      continue;
    }
    const auto &l = *r.histogram->stats.heavy_latency;
    const auto &cal = r.histogram->stats.call_interrupts;
    std::string ipis = cal.empty() ? "n/a" : fmt::format("{}", fmt::join(cal, "/"));
    bool reachable = best >= l.median_ns;
    fmt::print("{:<18} {:>12.0f} {:>12.0f} {:>14}  {}\n", entry.name, l.median_ns, l.p99_ns, ipis,
               reachable ? "yes: the window is longer" : "no: the barrier outlasts the window");
    heavies.push_back({{"heavy", entry.name},
                       {"calls", l.calls},
                       {"min_ns", l.min_ns},
                       {"median_ns", l.median_ns},
                       {"max_ns", l.max_ns},
                       {"p99_ns", l.p99_ns},
                       {"call_interrupts_per_cpu", cal},
                       {"window_exceeds_latency", reachable}});
  }
  return heavies;
}

} // namespace

int window_command(const std::vector<std::string> &args) {
  po::options_description desc("window options");
  desc.add(budget_options(0.3)).add(result_options()).add(hardware_group());
  desc.add_options()("delays", po::value<std::string>()->default_value("0,20,50,100,200,400,800,1600,3200"),
                     "sham delays to sweep, in ns")(
      "techniques", po::value<std::string>()->default_value("batch,perpetual,perpetual+pad32,perpetual+pad128"),
      "light-side techniques to measure, comma-separated");
  auto vm = parse_command("window", args, desc, {}, "[options]");
  if (!vm)
    return 0;
  auto delays = parse_delays((*vm)["delays"].as<std::string>());
  std::vector<const Technique *> chosen;
  {
    std::stringstream in((*vm)["techniques"].as<std::string>());
    std::string word;
    while (std::getline(in, word, ',')) {
      auto it = std::find_if(std::begin(techniques), std::end(techniques),
                             [&](const Technique &t) { return word == t.name; });
      if (it == std::end(techniques))
        throw UsageError("--techniques: unknown technique '" + word + "'");
      chosen.push_back(&*it);
    }
  }
  auto options = read_options(*vm);
  options.backends = BackendChoice::hardware;
  Progress progress(chosen.size() * delays.size() + enum_names(HeavyBarrier{}).size(), options.quiet);
  auto session = open_session(*vm, std::move(options));
  Test sb = make_family_test(Shape::sb, FenceKind::barrier, FenceKind::membarrier);
  session.validate({sb});

  std::vector<TestResult> results;
  nlohmann::json windows = nlohmann::json::array();
  double best = -1;
  fmt::print("SB: light side T0 stores, compiler barrier, loads; heavy side T1: smp_mb; spin d; smp_mb\n");
  for (const Technique *tech : chosen) {
    windows.push_back(sweep_technique(session, sb, *tech, delays, results, progress));
    if (tech->in_contract)
      best = std::max(best, windows.back()["window_ns"].get<double>());
  }
  nlohmann::json heavies = heavy_latencies(session, sb, best, progress);
  auto path = session.write_results(
      "window", results, {{"window", {{"techniques", windows}, {"window_ns", best}, {"heavy_barriers", heavies}}}});
  fmt::print("\nResults written to {}{}\n", path.string(), stopping() ? " (interrupted)" : "");
  return exit_code_after_stop(0);
}

} // namespace fencelab::cli
