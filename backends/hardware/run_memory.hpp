#pragma once
// Where a run's shared state lives, and how it is laid out there: in private
// memory, in a new shared mapping for child processes, or in an inherited one
// (a re-executed partner). The same carving, done in the same order, gives
// every process that builds the same run the same offsets, so the shared
// memory holds no pointers.
#include "run_support.hpp"
#include "shared_memory.hpp"

#include <algorithm>
#include <cstddef>
#include <memory>
#include <optional>

namespace fencelab::hardware {

// Hands out pieces of one block in a fixed order. Carving once without a
// block measures it.
class Arena {
public:
  explicit Arena(char *base) : base_(base) {}
  template <class T> T *take(std::size_t count, std::size_t align = 128) {
    used_ = (used_ + align - 1) / align * align;
    T *p = base_ ? reinterpret_cast<T *>(base_ + used_) : nullptr;
    used_ += std::max<std::size_t>(count * sizeof(T), 1);
    return p;
  }
  std::size_t used() const { return used_; }

private:
  char *base_;
  std::size_t used_ = 0;
};

enum class RunMemory { private_memory, shared, attached };

// One zero-filled block of `bytes` in the memory `where` names. With
// RunMemory::attached, `attached` is the inherited mapping; it must be large
// enough.
class RunBlock {
public:
  RunBlock(RunMemory where, std::size_t bytes, std::optional<platform::SharedMapping> attached = {});
  RunMemory where() const { return where_; }
  bool shared() const { return where_ != RunMemory::private_memory; }
  char *base() const { return base_; }
  int fd() const { return mapping_->fd(); } // shared memory only

private:
  RunMemory where_;
  std::unique_ptr<char[], FreeDeleter> private_block_;
  std::optional<platform::SharedMapping> mapping_;
  char *base_ = nullptr;
};

// Carves a run's memory: `carve(arena)` takes its pieces in a fixed order
// and is called twice, first to measure, then on the block.
template <class Carve> RunBlock carve_run(RunMemory where, Carve carve,
                                          std::optional<platform::SharedMapping> attached = {}) {
  Arena measure(nullptr);
  carve(measure);
  RunBlock block(where, measure.used(), std::move(attached));
  Arena arena(block.base());
  carve(arena);
  return block;
}

} // namespace fencelab::hardware
