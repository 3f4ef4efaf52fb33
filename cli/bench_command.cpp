// `fencelab bench`: how fast weak outcomes are found, and what barriers cost.
// Medians of repeated runs, since this machine is shared and noisy.
#include "commands.hpp"
#include "family.hpp"
#include "fence_cost.hpp"
#include "interrupt.hpp"
#include "membarrier.hpp"
#include "progress.hpp"
#include "session.hpp"

#include <algorithm>
#include <chrono>
#include <fmt/core.h>

namespace fencelab::cli {
namespace {

double median(std::vector<double> v) {
  if (v.empty())
    return 0;
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

// Weak outcomes per second and time to the first one, per test and mode.
void bench_detection(Session &session, const std::vector<Test> &tests, int repeats, int first_repeats,
                     std::vector<TestResult> &results, Progress &progress) {
  fmt::print("weak-outcome detection (medians of {} runs of {} s; first weak: median of {} runs)\n", repeats,
             session.config().budget_seconds, first_repeats);
  fmt::print("{:<22} {:<10} {:>14} {:>14} {:>10} {:>18}\n", "test", "mode", "iterations/s", "weak/s", "weak/M",
             "first weak (ms)");
  for (HardwareMode mode : {HardwareMode::batch, HardwareMode::perpetual})
    for (const auto &t : tests) {
      if (stopping()) // a stop between measurements starts no other
        return;
      std::string item = fmt::format("{} {}", t.name, to_string(mode));
      progress.start(item);
      RunConfig rate_config = session.config();
      rate_config.mode = mode;
      std::vector<double> its, weak, per_m, first;
      for (int i = 0; i < repeats && !stopping(); ++i) {
        auto r = session.run_with(t, rate_config);
        if (!r.histogram)
          throw std::runtime_error(r.unsupported);
        double s = r.histogram->stats.seconds;
        its.push_back(static_cast<double>(r.histogram->stats.iterations) / s);
        weak.push_back(static_cast<double>(r.tally.positive) / s);
        per_m.push_back(1e6 * static_cast<double>(r.tally.positive) /
                        std::max<double>(1, static_cast<double>(r.histogram->stats.iterations)));
        results.push_back(std::move(r));
      }
      RunConfig c = rate_config;
      c.stop_on_positive = true;
      c.budget_seconds = 1.0;
      int missed = 0;
      for (int i = 0; i < first_repeats && !stopping(); ++i) {
        auto r = session.run_with(t, c);
        if (r.histogram && r.histogram->stats.first_positive_seconds)
          first.push_back(*r.histogram->stats.first_positive_seconds * 1e3);
        else
          ++missed;
      }
      progress.finish(item);
      progress.clear();
      std::string first_text = first.empty() ? "none in 1 s" : fmt::format("{:.3f}", median(first));
      if (missed)
        first_text += fmt::format(" ({} of {} runs found none)", missed, first_repeats);
      fmt::print("{:<22} {:<10} {:>14.3g} {:>14.3g} {:>10.0f} {:>18}\n", t.name, to_string(mode), median(its),
                 median(weak), median(per_m), first_text);
    }
  fmt::print("(batch: {} packed instances per batch; perpetual: {} instances per iteration, {} iterations per chunk, "
             "a weak outcome is one pair in a largest set of disjoint iteration pairs completing the condition)\n",
             session.config().instances_per_batch, session.config().instances_per_iteration, session.config().chunk);
}

void bench_fence_costs() {
  fmt::print("\nbarrier costs (median ns)\n");
  fmt::print("  {:<34} {:>8.2f}\n", "smp_mb (over a compiler barrier)", hardware::fence_cost_ns(FenceKind::smp_mb));
  fmt::print("  {:<34} {:>8.2f}\n", "mfence (over a compiler barrier)", hardware::fence_cost_ns(FenceKind::mfence));
  double light = hardware::fast_path_ns(FenceKind::barrier);
  double mb = hardware::fast_path_ns(FenceKind::smp_mb);
  double mf = hardware::fast_path_ns(FenceKind::mfence);
  fmt::print("\nasymmetric fast path: store; fence; load (ns per iteration, and speed-up of barrier)\n");
  fmt::print("  {:<10} {:>8.2f}\n  {:<10} {:>8.2f}  x{:.1f}\n  {:<10} {:>8.2f}  x{:.1f}\n", "barrier", light, "smp_mb",
             mb, mb / light, "mfence", mf, mf / light);
}

// Each heavy barrier's call latency alone and with the partner running, and
// the function-call interrupts it raises per call.
void bench_heavy_barriers(Session &session, std::vector<TestResult> &results, Progress &progress) {
  fmt::print("\nheavy barriers, median ns per call: alone (no other thread of ours running) and with the "
             "partner thread running SB+barrier+membarrier\n");
  fmt::print("  {:<18} {:>12} {:>12} {:>10} {:>8}  {}\n", "", "alone", "partner", "p99", "calls",
             "function-call interrupts per call");
  Test heavy_test = make_family_test(Shape::sb, FenceKind::barrier, FenceKind::membarrier);
  for (const auto &entry : enum_names(HeavyBarrier{})) {
    if (stopping())
      return;
    auto status = platform::heavy_barrier_status(entry.value);
    if (!status.available) {
      fmt::print("  {:<18} unsupported: {}\n", entry.name, status.reason);
      continue;
    }
    // GLOBAL waits for a grace period (milliseconds): fewer calls keep bench short.
    int calls = entry.value == HeavyBarrier::global ? 20 : 2000;
    progress.start(entry.name);
    double alone = hardware::heavy_call_ns(platform::heavy_barrier_function(entry.value), calls);
    RunConfig c = session.config();
    c.heavy = entry.value;
    auto r = session.run_with(heavy_test, c);
    progress.finish(entry.name);
    progress.clear();
    if (!r.histogram || !r.histogram->stats.heavy_latency) {
      fmt::print("  {:<18} {:>12.0f} unsupported with a partner: {}\n", entry.name, alone, r.unsupported);
      continue;
    }
    const auto &l = *r.histogram->stats.heavy_latency;
    std::string per_call = r.histogram->stats.call_interrupts.empty() ? "no CAL line" : "";
    for (std::size_t cpu = 0; cpu < r.histogram->stats.call_interrupts.size(); ++cpu)
      per_call += fmt::format("cpu{} {:.2f}  ", cpu,
                              static_cast<double>(r.histogram->stats.call_interrupts[cpu]) /
                                  std::max<double>(1, static_cast<double>(l.calls)));
    fmt::print("  {:<18} {:>12.0f} {:>12.0f} {:>10.0f} {:>8}  {}\n", entry.name, alone, l.median_ns, l.p99_ns, l.calls,
               per_call);
    results.push_back(std::move(r));
  }
}

} // namespace

int bench_command(const std::vector<std::string> &args) {
  po::options_description desc("bench options");
  desc.add(budget_options(0.3)).add(result_options()).add(hardware_group());
  desc.add_options()("repeats", po::value<int>()->default_value(5), "runs per rate measurement")(
      "first-repeats", po::value<int>()->default_value(21), "runs per time-to-first measurement");
  auto vm = parse_command("bench", args, desc, {}, "[options]");
  if (!vm)
    return 0;
  int repeats = std::max(1, (*vm)["repeats"].as<int>());
  int first_repeats = std::max(1, (*vm)["first-repeats"].as<int>());
  auto options = read_options(*vm);
  options.backends = BackendChoice::hardware;
  bool options_quiet = options.quiet;
  auto session = open_session(*vm, std::move(options));
  std::vector<Test> tests{make_family_test(Shape::sb, FenceKind::barrier, FenceKind::barrier),
                          make_family_test(Shape::sb, FenceKind::smp_mb, FenceKind::barrier)};
  session.validate(tests);
  std::vector<TestResult> results;
  Progress progress(2 * tests.size() + enum_names(HeavyBarrier{}).size(), options_quiet);
  bench_detection(session, tests, repeats, first_repeats, results, progress);
  if (!stopping())
    bench_fence_costs();
  bench_heavy_barriers(session, results, progress);
  auto path = session.write_results("bench", results);
  fmt::print("\nResults written to {}{}\n", path.string(), stopping() ? " (interrupted)" : "");
  return exit_code_after_stop(0);
}

} // namespace fencelab::cli
