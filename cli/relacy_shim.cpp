#include "relacy_shim.hpp"

#include "cli_error.hpp"
#include "model_view.hpp"
#include "relacy_backend.hpp"

#include <chrono>
#include <map>
#include <set>

namespace fencelab::cli {
namespace po = boost::program_options;
namespace {

// Relacy's documented limits that apply to the shape of `test`.
std::vector<std::string> model_limits(const Test &test) {
  std::vector<std::string> limits;
  std::map<int, std::set<std::size_t>> writers;
  std::map<int, int> stores;
  int load_then_store_threads = 0;
  for (std::size_t th = 0; th < test.threads.size(); ++th) {
    bool loaded = false, load_then_store = false;
    for (const Op &op : test.threads[th].ops) {
      bool is_store = op.kind == OpKind::store || op.kind == OpKind::store_release;
      bool is_load = op.kind == OpKind::load || op.kind == OpKind::load_acquire;
      if (is_store) {
        writers[op.loc].insert(th);
        ++stores[op.loc];
        load_then_store = load_then_store || loaded;
      }
      loaded = loaded || is_load;
    }
    load_then_store_threads += load_then_store;
  }
  for (const auto &[loc, who] : writers)
    if (who.size() >= 2) {
      limits.push_back("stores reach modification order in execution order (" +
                       test.locations[static_cast<std::size_t>(loc)].name + " has two writers)");
      break;
    }
  if (load_then_store_threads >= 2)
    limits.push_back("no load buffering (two threads load before they store)");
  for (const auto &[loc, n] : stores)
    if (n >= 2) {
      limits.push_back("loads read only the latest two stores (" + test.locations[static_cast<std::size_t>(loc)].name +
                       " is stored " + std::to_string(n) + " times)");
      break;
    }
  // Where the kernel's model and C++'s part ways, Relacy answers C++'s
  // question, not the LKMM's: a limit, not a disagreement.
  if (test.uses_fence(FenceKind::smp_rmb) || test.uses_fence(FenceKind::smp_wmb))
    limits.push_back("smp_rmb/smp_wmb run as C++ acquire/release fences, not with their kernel meaning");
  bool cumulativity = false, dependency = false;
  for (const auto &thread : test.threads) {
    bool branch = false, relaxed_load = false, acquire = false;
    for (const Op &op : thread.ops) {
      branch = branch || op.kind == OpKind::jump_unless;
      bool store = op.kind == OpKind::store || op.kind == OpKind::store_release;
      dependency = dependency || op.addr_reg >= 0 || (store && op.expr >= 0) || (branch && store);
      cumulativity = cumulativity || (op.kind == OpKind::store_release && relaxed_load) ||
                     (op.kind == OpKind::store && acquire);
      relaxed_load = relaxed_load || op.kind == OpKind::load;
      acquire = acquire || op.kind == OpKind::load_acquire;
    }
  }
  if (cumulativity)
    limits.push_back("release cumulativity / acquire ordering of once accesses are the LKMM's, not C++'s");
  if (dependency)
    limits.push_back("no dependency ordering (C++ orders nothing through address, data or control dependencies)");
  return limits;
}

template <class E> E read_enum(const po::variables_map &vm, const char *option) {
  auto text = vm[option].as<std::string>();
  auto value = parse_enum<E>(text);
  if (!value)
    throw UsageError(std::string("--") + option + ": unknown value '" + text + "' (choose " + enum_choices<E>() + ")");
  return *value;
}

std::string search_text(const ModelConfig &m) {
  switch (m.search) {
  case SearchMode::full:
    return "full";
  case SearchMode::context_bound:
    return "context-bound " + std::to_string(m.context_bound);
  case SearchMode::random:
    return "random " + std::to_string(m.random_iterations);
  }
  return "?";
}

class RelacyShim final : public Model {
public:
  explicit RelacyShim(ModelConfig config) : config_(config) {}
  std::string_view name() const override { return "relacy"; }
  ModelResult check(const Test &test, const Substitution &substitution) override {
    if (auto why = relacy::why_not_checkable(test, config_); !why.empty())
      return Unsupported{why};
    auto start = std::chrono::steady_clock::now();
    auto m = relacy::model_check(test, config_, substitution);
    if (!m.error.empty())
      return Unsupported{"search stopped: " + m.error};
    ModelAnswer a;
    a.outcomes = std::move(m.histogram);
    a.exhaustive = m.exhaustive;
    a.limits = model_limits(test);
    a.executions = m.executions;
    a.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    a.settings = search_text(config_) + " search, " + std::string(to_string(m.membarrier)) + " membarrier";
    return a;
  }

private:
  ModelConfig config_;
};

} // namespace

po::options_description relacy_shim_options() {
  ModelConfig m;
  po::options_description desc("Relacy model");
  desc.add_options() //
      ("search", po::value<std::string>()->default_value(std::string(to_string(m.search))),
       ("model search: " + enum_choices<SearchMode>()).c_str()) //
      ("context-bound", po::value<unsigned>()->default_value(m.context_bound),
       "preemptions for context-bound search") //
      ("random-iterations", po::value<std::uint64_t>()->default_value(m.random_iterations),
       "executions for random search") //
      ("relacy-membarrier", po::value<std::string>()->default_value(std::string(to_string(m.membarrier))),
       "membarrier in the model: precise (a fence injected into every other thread at a point the scheduler "
       "chooses) or stock (Relacy's process-wide fence)");
  return desc;
}

std::unique_ptr<Model> make_relacy_shim(const po::variables_map &vm) {
  ModelConfig m;
  m.search = read_enum<SearchMode>(vm, "search");
  m.membarrier = read_enum<MembarrierModel>(vm, "relacy-membarrier");
  m.context_bound = vm["context-bound"].as<unsigned>();
  m.random_iterations = vm["random-iterations"].as<std::uint64_t>();
  if (m.random_iterations == 0)
    throw UsageError("--random-iterations: must be at least 1");
  return std::make_unique<RelacyShim>(m);
}

} // namespace fencelab::cli
