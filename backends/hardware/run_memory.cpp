#include "run_memory.hpp"

#include <stdexcept>

namespace fencelab::hardware {

RunBlock::RunBlock(RunMemory where, std::size_t bytes, std::optional<platform::SharedMapping> attached)
    : where_(where) {
  if (where == RunMemory::private_memory) {
    private_block_ = aligned_array<char>(bytes);
    base_ = private_block_.get();
    return;
  }
  mapping_ = where == RunMemory::attached ? std::move(*attached) : platform::SharedMapping::create(bytes, "fencelab-run");
  if (mapping_->size() < bytes)
    throw std::runtime_error("the inherited run memory is smaller than this run needs");
  base_ = mapping_->data();
}

} // namespace fencelab::hardware
