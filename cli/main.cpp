// fencelab: which barrier pairings order memory on this machine?
#include "batch_runner.hpp"
#include "catalogue.hpp"
#include "cli_error.hpp"
#include "commands.hpp"
#include "interrupt.hpp"
#include "membarrier.hpp"

#include <exception>
#include <iostream>
#include <cstdlib>
#include <map>

namespace {

constexpr const char *usage = R"(Usage: fencelab COMMAND [options]   (fencelab COMMAND --help for its options)

commands:
  table   run the SB and MP ordering table (barrier / smp_mb / membarrier on each side)
  run     run chosen tests by name and print herd-style results with rates
  check   model-check tests (LKMM, Relacy) against their expectations (exit 0: all hold), for CI
  list    list the known tests
  window  measure how long a store stays buffered here, against each heavy barrier's latency
  bench   weak outcomes per second, time to first weak outcome, barrier costs
  scope   whom each heavy barrier orders: partner thread in this process or another, registered or not
  soak    run every forbidden cell of the table, round after round with controls, for a long record
  info    describe this machine: CPUs, kernel, fences, membarrier commands
  report  an HTML page (or the ordering table as SVG) from result files, machines side by side
  compare two results test by test; exit 1 when the second has a new VIOLATION or MODEL DISAGREEMENT
)";

} // namespace

int main(int argc, char **argv) {
  using namespace fencelab::cli;
  // A re-executed partner of a run in child processes: it must stay
  // unregistered for membarrier, so it is dispatched before the setup below.
  if (argc == 4 && argv[1] == fencelab::hardware::reexec_command) {
    ignore_stop_signals();
    return fencelab::hardware::run_reexecuted_group(std::atoi(argv[2]), std::atoi(argv[3]), find_catalogue_test);
  }
  // membarrier registration must precede every other thread of the process.
  fencelab::platform::membarrier_setup();
  install_stop_handlers();
  const std::map<std::string, int (*)(const std::vector<std::string> &)> commands{
      {"table", table_command}, {"run", run_command}, {"list", list_command}, {"info", info_command}, {"window", window_command}, {"bench", bench_command}, {"check", check_command}, {"scope", scope_command},
      {"soak", soak_command}, {"report", report_command}, {"compare", compare_command}};
  if (argc < 2 || std::string(argv[1]) == "--help" || std::string(argv[1]) == "-h") {
    std::cout << usage;
    return argc < 2 ? 2 : 0;
  }
  // The man page is generated from --help and --version (help2man).
  if (std::string(argv[1]) == "--version") {
    std::cout << "fencelab " FENCELAB_VERSION "\n";
    return 0;
  }
  auto command = commands.find(argv[1]);
  if (command == commands.end()) {
    std::cerr << "fencelab: error: unknown command '" << argv[1] << "' (table, run, check, scope, soak, list, window, bench, info, report, compare)\n";
    return 2;
  }
  try {
    // Every command exits 128 + the signal after a Ctrl-C or SIGTERM, even one with nothing to save.
    return exit_code_after_stop(command->second(std::vector<std::string>(argv + 2, argv + argc)));
  } catch (const UsageError &e) {
    std::cerr << "fencelab: error: " << e.what() << '\n';
    return 2;
  } catch (const std::exception &e) {
    std::cerr << "fencelab: error: " << e.what() << '\n';
    return 3;
  }
}
