// The only translation unit that includes Relacy. Relacy macro-replaces new,
// delete, malloc, free, assert, errno, `$` and the memory_order names, so
// every std or project header comes first and Relacy last; this file is built
// with -fno-sized-deallocation because Relacy replaces only unsized delete.
//
// One rl::test_suite per thread count interprets any ModelProgram, so adding
// a test never adds compile time. Simulated threads touch only fixed arrays
// and rl::atomic locations; outcomes leave through the OutcomeTable.
#include "simulation.hpp"

#include <array>
#include <cstddef>
#include <cstdlib>
#include <new>
#include <ostream>
#include <span>
#include <utility>

// Relacy's one-thread instantiations contain loops that g++ proves never run
// but still reports as out of bounds.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Warray-bounds"
#include <relacy/relacy.hpp>
#pragma GCC diagnostic pop

namespace fencelab::relacy {
namespace {

using FenceInjector = void (*)(int thread);

// What the running simulation interprets. File scope is safe: Relacy keeps
// one global context, so simulations never overlap (see simulate()).
struct Simulation {
  const ModelProgram *program = nullptr;
  OutcomeTable *table = nullptr;
  MembarrierModel membarrier = MembarrierModel::precise;
  FenceInjector inject_fence = nullptr; // for the program's thread count
  std::chrono::steady_clock::time_point deadline;
  bool out_of_time = false; // the search was stopped at the deadline
};
Simulation current;

// State of the current execution, reset in before().
enum class Progress : unsigned char { not_started, running, finished };
Value thread_registers[max_threads][max_registers];
Progress thread_progress[max_threads];

void seq_cst_fence() { rl::atomic_thread_fence(rl::mo_seq_cst, $); }

// Relacy exposes only the running thread's state (context::threadx_), but
// constructs every thread's state by placement new into one array of
// aligned<thread_info> slots indexed by thread id, so the others are found at
// fixed strides from it. The index check guards that assumption.
template <int Threads> rl::thread_info<Threads> *thread_state(int thread) {
  using State = rl::thread_info<Threads>;
  constexpr std::ptrdiff_t stride = sizeof(rl::aligned<State>);
  rl::thread_info_base *running = rl::ctx().threadx_;
  char *running_slot = reinterpret_cast<char *>(static_cast<State *>(running));
  State *state = std::launder(reinterpret_cast<State *>(running_slot + (thread - running->index_) * stride));
  return state->index_ == thread ? state : nullptr;
}

void fail_on_unknown_layout() {
  rl::ctx().fail_test("cannot find another thread's state in Relacy's context", rl::test_result_user_assert_failed, $);
}

// Runs a seq_cst fence on behalf of `thread`, at whatever point of its program
// it has reached: not started, suspended before an op, or finished.
template <int Threads> void inject_fence_into(int thread) {
  if (auto *state = thread_state<Threads>(thread))
    state->atomic_thread_fence_seq_cst(rl::ctx().seq_cst_fence_order_);
  else
    fail_on_unknown_layout();
}

// Relacy mallocs a stack per fiber and the test suite's storage for every
// simulation and never frees them (the frees are commented out in
// delete_fiber and ~context_impl): ~50 KB per run. They are noted from
// before() and freed once rl::simulate has returned and nothing uses them.
class RelacyLeaks {
public:
  void note(void *block) {
    for (int i = 0; i < count_; ++i)
      if (blocks_[i] == block)
        return;
    if (count_ < capacity)
      blocks_[count_++] = block;
  }
  template <int Threads> void note_simulation(void *suite) {
    note(suite);
    for (int t = 0; t < Threads; ++t)
      if (auto *state = thread_state<Threads>(t))
        note(state->fiber_.fib.uc_stack.ss_sp);
  }
  void release() {
    for (int i = 0; i < count_; ++i)
      (::free)(blocks_[i]); // parenthesised: Relacy redefines free()
    count_ = 0;
  }

private:
  static constexpr int capacity = 2 * (max_threads + 1); // a failed search replays in a second context
  void *blocks_[capacity] = {};
  int count_ = 0;
};
RelacyLeaks leaks;

// membarrier(2) as the kernel promises it: a full fence in the caller, one in
// every other thread somewhere between the call's entry and exit, and a full
// fence in the caller again. The whole call is one step of the interleaving,
// so each injected fence lands exactly where its thread stands at that step;
// as the search moves the call across the other threads' ops it lands between
// any two of them, before the first or after the last. The targets are fenced
// in an order rl::rand picks, so the search tries every order that matters.
// Collapsing the call to one step loses nothing but what Relacy's two-store
// read window already loses: another thread's op that ran inside the call's
// window before (after) its own injected fence can run just before (after)
// the call instead, with the same values visible to it. Cross-checked on
// random tests: a version in which the caller really waits for each target
// to run its fence (449 tests of 2-3 threads, ~650x the executions) and this
// one without the ordering shortcut below (356 tests of 2-4 threads) found
// exactly the same outcomes.
void precise_membarrier(int self) {
  seq_cst_fence(); // begins with the scheduling point where the call is entered
  const int threads = current.program->thread_count;
  // Only threads in the middle of their program need every order. One that has
  // not started has nothing to publish, so fencing it first only lets it see
  // less; one that has finished reads nothing more, so fencing it last only
  // lets the others see less. Fewer views never remove a reachable outcome.
  for (int t = 0; t < threads; ++t)
    if (t != self && thread_progress[t] == Progress::not_started)
      current.inject_fence(t);
  int running[max_threads];
  int remaining = 0;
  for (int t = 0; t < threads; ++t)
    if (t != self && thread_progress[t] == Progress::running)
      running[remaining++] = t;
  while (remaining > 0) {
    const int pick = remaining == 1 ? 0 : static_cast<int>(rl::rand(static_cast<unsigned>(remaining)));
    current.inject_fence(running[pick]);
    running[pick] = running[--remaining];
  }
  for (int t = 0; t < threads; ++t)
    if (t != self && thread_progress[t] == Progress::finished)
      current.inject_fence(t);
  current.inject_fence(self); // the caller's exit fence, with no scheduling point before it
}

void membarrier(int self) {
  if (current.membarrier == MembarrierModel::precise)
    precise_membarrier(self);
  else
    rl::systemwide_fence($); // Relacy's FlushProcessWriteBuffers: sound, but merges every thread's view
}

Value value_of(const ModelThread &code, const ModelOp &op, const Value *registers) {
  if (op.expr < 0)
    return op.value;
  return evaluate(std::span<const Expr>(code.exprs, static_cast<std::size_t>(code.expr_count)), op.expr,
                  std::span<const Value>(registers, static_cast<std::size_t>(code.register_count)));
}

// The accessed location, or -1 when the address register holds no location's
// address: the load then reads 0 and the store stores nothing (Op::addr_reg).
int location_of_op(const ModelOp &op, const Value *registers) {
  if (op.addr_reg < 0)
    return op.loc;
  const Value a = registers[op.addr_reg];
  return is_address(a) && location_of(a) < current.program->location_count ? location_of(a) : -1;
}

void run_thread(rl::atomic<Value> *memory, int self) {
  const ModelThread &code = current.program->threads[self];
  Value *registers = thread_registers[self];
  int pc = 0;
  while (pc < code.op_count) {
    const ModelOp &op = code.ops[pc];
    int next = pc + 1;
    switch (op.kind) {
    case ModelOpKind::nop:
      break;
    case ModelOpKind::store:
      if (const int loc = location_of_op(op, registers); loc >= 0)
        memory[loc].store(value_of(code, op, registers), rl::mo_relaxed, $);
      break;
    case ModelOpKind::load: {
      const int loc = location_of_op(op, registers);
      registers[op.reg] = loc >= 0 ? memory[loc].load(rl::mo_relaxed, $) : 0;
      break;
    }
    case ModelOpKind::store_release:
      if (const int loc = location_of_op(op, registers); loc >= 0)
        memory[loc].store(value_of(code, op, registers), rl::mo_release, $);
      break;
    case ModelOpKind::load_acquire: {
      const int loc = location_of_op(op, registers);
      registers[op.reg] = loc >= 0 ? memory[loc].load(rl::mo_acquire, $) : 0;
      break;
    }
    case ModelOpKind::assign:
      registers[op.reg] = value_of(code, op, registers);
      break;
    case ModelOpKind::jump_unless_expr:
      if (value_of(code, op, registers) == 0)
        next = op.target;
      break;
    case ModelOpKind::fence_seq_cst:
      seq_cst_fence();
      break;
    case ModelOpKind::fence_release:
      rl::atomic_thread_fence(rl::mo_release, $);
      break;
    case ModelOpKind::fence_acquire:
      rl::atomic_thread_fence(rl::mo_acquire, $);
      break;
    case ModelOpKind::membarrier:
      membarrier(self);
      break;
    case ModelOpKind::membarrier_sham: // the sham's smp_mb; spin; smp_mb, minus the time
      seq_cst_fence();
      seq_cst_fence();
      break;
    case ModelOpKind::jump_unless:
      if (registers[op.reg] != op.value)
        next = op.target;
      break;
    case ModelOpKind::jump:
      next = op.target;
      break;
    }
    // A backward jump is a spin loop: without a yield the full search would
    // follow the spinner forever. Relacy's yield assumes the spinner
    // eventually sees newer values, which is what a spin loop relies on.
    if (next <= pc)
      rl::yield(1, $);
    pc = next;
    thread_progress[self] = Progress::running;
  }
  thread_progress[self] = Progress::finished;
}

void record_outcome(rl::atomic<Value> *memory) {
  const ModelProgram &program = *current.program;
  Value outcome[max_outcome_slots] = {};
  for (int t = 0; t < program.thread_count; ++t) {
    const ModelThread &code = program.threads[t];
    for (int r = 0; r < code.register_count; ++r)
      outcome[code.first_slot + r] = thread_registers[t][r];
  }
  const int first_location_slot = program.outcome_size - program.observed_count;
  for (int i = 0; i < program.observed_count; ++i) // after(): Relacy has made every store visible
    outcome[first_location_slot + i] = memory[program.observed[i]].load(rl::mo_relaxed, $);
  current.table->add(outcome);
}

// The budget, checked as each execution starts so that every execution
// counted ran whole. Relacy's own "until" stop ends the search through its
// normal failure path; its replay of the stopping execution (for a history
// nobody reads) stops at the same point, since the deadline has still passed.
void stop_past_deadline() {
  if (std::chrono::steady_clock::now() < current.deadline)
    return;
  current.out_of_time = true;
  rl::ctx().rl_until("fencelab: model budget spent", $);
}

template <int Threads> struct ProgramSuite : rl::test_suite<ProgramSuite<Threads>, Threads> {
  rl::atomic<Value> memory[max_locations];

  void before() {
    leaks.note_simulation<Threads>(this);
    for (auto &thread : thread_registers)
      for (Value &r : thread)
        r = 0;
    for (auto &progress : thread_progress)
      progress = Progress::not_started;
    for (int l = 0; l < current.program->location_count; ++l)
      memory[l].store(current.program->initial[l], rl::mo_relaxed, $);
    stop_past_deadline();
  }
  void thread(unsigned index) { run_thread(memory, static_cast<int>(index)); }
  void after() { record_outcome(memory); }
};

using SuiteRunner = bool (*)(rl::test_params &);

template <int Threads> bool run_suite(rl::test_params &params) { return rl::simulate<ProgramSuite<Threads>>(params); }

// Entry I serves programs of I + 1 threads.
template <std::size_t... I> constexpr auto make_runners(std::index_sequence<I...>) {
  return std::array<SuiteRunner, sizeof...(I)>{&run_suite<static_cast<int>(I) + 1>...};
}
template <std::size_t... I> constexpr auto make_injectors(std::index_sequence<I...>) {
  return std::array<FenceInjector, sizeof...(I)>{&inject_fence_into<static_cast<int>(I) + 1>...};
}

constexpr auto runners = make_runners(std::make_index_sequence<max_threads>{});
constexpr auto injectors = make_injectors(std::make_index_sequence<max_threads>{});

rl::scheduler_type_e scheduler_for(SearchMode search) {
  switch (search) {
  case SearchMode::full:
    return rl::sched_full;
  case SearchMode::context_bound:
    return rl::sched_bound;
  case SearchMode::random:
    return rl::sched_random;
  }
  return rl::sched_full;
}

SimulationEnd end_of(const rl::test_params &params) {
  switch (params.test_result) {
  case rl::test_result_success:
    return SimulationEnd::finished;
  case rl::test_result_until_condition_hit:
    return current.out_of_time ? SimulationEnd::budget : SimulationEnd::failed;
  case rl::test_result_livelock:
    return SimulationEnd::livelock;
  default:
    return SimulationEnd::failed;
  }
}

} // namespace

SimulationReport simulate(const ModelProgram &program, const RelacyConfig &config, OutcomeTable &table,
                          std::chrono::steady_clock::time_point deadline) {
  // A stream without a buffer drops Relacy's chatter without allocating,
  // and it lives outside the simulation's allocator.
  std::ostream quiet(nullptr);
  table.reset(program.outcome_size);
  const auto by_thread_count = static_cast<std::size_t>(program.thread_count - 1);
  current = {&program, &table, config.membarrier, injectors[by_thread_count], deadline, false};

  rl::test_params params;
  params.output_stream = &quiet;
  params.progress_stream = &quiet;
  params.search_type = scheduler_for(config.search);
  params.context_bound = config.context_bound;
  params.iteration_count = config.random_iterations;
  runners[by_thread_count](params);
  leaks.release();

  SimulationReport report;
  report.end = end_of(params);
  // Relacy numbers executions from 1 and reports the one it stopped in; a
  // budget stop comes before that execution ran anything.
  report.iterations = report.end == SimulationEnd::budget ? params.stop_iteration - 1 : params.stop_iteration;
  if (report.end != SimulationEnd::finished)
    report.error = rl::test_result_str(params.test_result);
  current = {};
  return report;
}

} // namespace fencelab::relacy
