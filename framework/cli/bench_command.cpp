// `fencelab bench`: how fast weak outcomes are found, and what barriers cost.
// Medians of repeated runs, since this machine is shared and noisy.
#include "commands.hpp"
#include "family.hpp"
#include "fence_cost.hpp"
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

} // namespace

int bench_command(const std::vector<std::string> &args) {
  po::options_description desc("bench options");
  add_run_options(desc, 0.3);
  desc.add_options()("repeats", po::value<int>()->default_value(5), "runs per rate measurement")
                    ("first-repeats", po::value<int>()->default_value(21), "runs per time-to-first measurement");
  auto vm = parse_command("bench", args, desc, {}, "[options]");
  if (!vm)
    return 0;
  int repeats = std::max(1, (*vm)["repeats"].as<int>());
  int first_repeats = std::max(1, (*vm)["first-repeats"].as<int>());
  Session session(read_run_options(*vm));
  std::vector<Test> tests{make_family_test(Shape::sb, FenceKind::barrier, FenceKind::barrier),
                          make_family_test(Shape::sb, FenceKind::smp_mb, FenceKind::barrier)};
  session.validate(tests);
  std::vector<TestResult> results;

  fmt::print("weak-outcome detection (batch mode, {} instances/batch; medians of {} runs of {} s)\n",
             session.config().instances_per_batch, repeats, session.config().budget_seconds);
  fmt::print("{:<22} {:>14} {:>14} {:>10} {:>18}\n", "test", "iterations/s", "weak/s", "weak/M", "first weak (ms)");
  for (const auto &t : tests) {
    std::vector<double> its, weak, per_m, first;
    for (int i = 0; i < repeats; ++i) {
      auto r = session.run(t);
      if (!r.histogram)
        throw std::runtime_error(r.unsupported);
      double s = r.histogram->stats.seconds;
      its.push_back(r.histogram->stats.iterations / s);
      weak.push_back(r.tally.positive / s);
      per_m.push_back(1e6 * r.tally.positive / std::max<double>(1, r.histogram->stats.iterations));
      results.push_back(std::move(r));
    }
    RunConfig c = session.config();
    c.stop_on_positive = true;
    c.budget_seconds = 1.0;
    int missed = 0;
    for (int i = 0; i < first_repeats; ++i) {
      auto r = session.run_with(t, c);
      if (r.histogram && r.histogram->stats.first_positive_seconds)
        first.push_back(*r.histogram->stats.first_positive_seconds * 1e3);
      else
        ++missed;
    }
    std::string first_text = first.empty() ? "none in 1 s" : fmt::format("{:.3f}", median(first));
    if (missed)
      first_text += fmt::format(" ({} of {} runs found none)", missed, first_repeats);
    fmt::print("{:<22} {:>14.3g} {:>14.3g} {:>10.0f} {:>18}\n", t.name, median(its), median(weak), median(per_m),
               first_text);
  }

  fmt::print("\nbarrier costs (median ns)\n");
  fmt::print("  {:<34} {:>8.2f}\n", "smp_mb (over a compiler barrier)", hardware::fence_cost_ns(FenceKind::smp_mb));
  fmt::print("  {:<34} {:>8.2f}\n", "mfence (over a compiler barrier)", hardware::fence_cost_ns(FenceKind::mfence));
  double light = hardware::fast_path_ns(FenceKind::barrier);
  double mb = hardware::fast_path_ns(FenceKind::smp_mb);
  double mf = hardware::fast_path_ns(FenceKind::mfence);
  fmt::print("\nasymmetric fast path: store; fence; load (ns per iteration, and speed-up of barrier)\n");
  fmt::print("  {:<10} {:>8.2f}\n  {:<10} {:>8.2f}  x{:.1f}\n  {:<10} {:>8.2f}  x{:.1f}\n", "barrier", light, "smp_mb",
             mb, mb / light, "mfence", mf, mf / light);

  fmt::print("\nheavy barriers with the partner thread running (SB+barrier+membarrier, median per call)\n");
  Test heavy_test = make_family_test(Shape::sb, FenceKind::barrier, FenceKind::membarrier);
  for (const auto &entry : enum_names(HeavyBarrier{})) {
    RunConfig c = session.config();
    c.heavy = entry.value;
    auto r = session.run_with(heavy_test, c);
    if (!r.histogram || !r.histogram->stats.heavy_latency) {
      fmt::print("  {:<18} unsupported: {}\n", entry.name, r.unsupported);
      continue;
    }
    const auto &l = *r.histogram->stats.heavy_latency;
    fmt::print("  {:<18} {:>10.0f} ns (p99 {:.0f}, {} calls)\n", entry.name, l.median_ns, l.p99_ns, l.calls);
    results.push_back(std::move(r));
  }
  auto path = session.write_results("bench", results);
  fmt::print("\nResults written to {}\n", path.string());
  return 0;
}

} // namespace fencelab::cli
