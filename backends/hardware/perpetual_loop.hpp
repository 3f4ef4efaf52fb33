#pragma once
// Perpetual mode's hot loop: one thread's program, iteration after iteration,
// each store writing the iteration's sequence number and each load logged.
// Each iteration runs `instances` independent copies of the test, op by op
// (every copy's first op, then every copy's second op, ...): a fence runs once
// between the accesses it orders in every copy, so each copy still runs the
// test's program, and the copies' stores queue up together in the store buffer.
#include "batch_loop.hpp"
#include "cache_line.hpp"

namespace fencelab::hardware {

struct ChunkArgs {
  const LoweredOp *ops;
  std::size_t op_count;
  char *memory;          // instance 0's copy of every location
  std::size_t stride;    // bytes between two instances' copies of a location
  std::size_t instances; // copies of the test per iteration
  LoggedRead *log;       // register r of instance s in iteration k at log[(r * length + k) * instances + s]
  std::size_t length;
  Value first; // sequence number of the chunk's first iteration
  platform::HeavyBarrierFn heavy;
  LatencySamples *latency;
  // For pad_stores: how many padding stores each such op issues (the op
  // itself carries no count), into a private region much larger than the
  // caches, walked a line at a time so that every padding store misses.
  std::size_t padding_stores = 0;
  char *scratch = nullptr;
  std::size_t scratch_mask = 0; // region bytes - 1, a power of two
  std::size_t *cursor = nullptr;
  // When set: stop early once this holds `chunk`, the sign that the other
  // thread has run its `length` iterations, so both threads run over the same
  // span of time however different their iterations' costs (a membarrier
  // iteration takes ~50 light ones).
  std::atomic<std::uint64_t> *finished = nullptr;
  std::uint64_t chunk = 0;
};

struct ChunkRan {
  std::size_t iterations = 0;
  std::uint64_t failures = 0; // heavy-barrier calls that failed (they must be 0)
};

// Copies is a.instances, or a constant the compiler unrolls the copies for.
// The arguments are copied to locals first: a store through a Value may alias
// any std::size_t field, which would make the compiler reload them all.
template <std::size_t Copies> ChunkRan run_chunk_of(const ChunkArgs &a) {
  const std::size_t copies = Copies ? Copies : a.instances;
  const LoweredOp *const ops = a.ops, *const ops_end = a.ops + a.op_count;
  char *const memory = a.memory;
  LoggedRead *const log = a.log;
  const std::size_t stride = a.stride, length = a.length;
  const std::size_t column = length * copies; // log entries per register
  const Value first = a.first;
  std::atomic<std::uint64_t> *const finished = a.finished;
  const std::uint64_t chunk = a.chunk;
  std::uint64_t failures = 0;
  std::size_t k = 0;
  for (; k < length; ++k) {
    if (finished && finished->load(std::memory_order_relaxed) == chunk)
      break;
    const Value seq = first + static_cast<Value>(k);
    for (const LoweredOp *op = ops; op != ops_end; ++op) {
      char *const cells = memory + op->offset;
      auto cell = [cells, stride](std::size_t s) {
        return std::atomic_ref<Value>(*reinterpret_cast<Value *>(cells + s * stride));
      };
      switch (op->action) {
      case Action::store:
#pragma GCC unroll 8
        for (std::size_t s = 0; s < copies; ++s)
          cell(s).store(seq, std::memory_order_relaxed);
        break;
      case Action::store_release:
#pragma GCC unroll 8
        for (std::size_t s = 0; s < copies; ++s)
          cell(s).store(seq, std::memory_order_release);
        break;
      case Action::load: {
        LoggedRead *logged = log + static_cast<std::size_t>(op->reg) * column + k * copies;
#pragma GCC unroll 8
        for (std::size_t s = 0; s < copies; ++s)
          logged[s] = static_cast<LoggedRead>(cell(s).load(std::memory_order_relaxed));
        break;
      }
      case Action::load_acquire: {
        LoggedRead *logged = log + static_cast<std::size_t>(op->reg) * column + k * copies;
#pragma GCC unroll 8
        for (std::size_t s = 0; s < copies; ++s)
          logged[s] = static_cast<LoggedRead>(cell(s).load(std::memory_order_acquire));
        break;
      }
      case Action::pad_stores: {
        // Read through `a` like the other padding fields: kept out of
        // registers, which the common ops need (locals here spilled them).
        std::size_t at = *a.cursor;
        for (std::size_t n = 0; n < a.padding_stores; ++n) {
          std::atomic_ref<Value>(*reinterpret_cast<Value *>(a.scratch + at)).store(seq, std::memory_order_relaxed);
          at = (at + platform::cache_line_bytes) & a.scratch_mask;
        }
        *a.cursor = at;
        break;
      }
      default: // perpetual_plan admits no jumps
        failures += execute_fence(*op, a.heavy, *a.latency);
        break;
      }
    }
  }
  if (finished && k == length)
    finished->store(chunk, std::memory_order_relaxed);
  return {k, failures};
}

inline ChunkRan run_chunk(const ChunkArgs &a) {
  switch (a.instances) {
  case 1:
    return run_chunk_of<1>(a);
  case 2:
    return run_chunk_of<2>(a);
  case 4:
    return run_chunk_of<4>(a);
  case 8:
    return run_chunk_of<8>(a);
  default:
    return run_chunk_of<0>(a);
  }
}

} // namespace fencelab::hardware
