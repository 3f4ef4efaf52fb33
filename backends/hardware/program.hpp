#pragma once
// A thread's op list lowered for the hot loop: byte offsets instead of
// location indices, so executing an op is one switch and one memory access.
#include "fence_kind.hpp"
#include "membarrier.hpp"
#include "test.hpp"

#include <cstdint>
#include <vector>

namespace fencelab::hardware {

struct LoweredOp {
  OpKind kind;
  FenceKind fence;
  std::int32_t reg;
  std::int32_t target;
  std::size_t offset; // byte offset of the location in instance 0
  Value value;
};

struct Program {
  std::vector<LoweredOp> ops;
  int registers = 0;
};

// Where instance k's copy of each location lives: location l of instance k is
// at base + l * region_bytes + k * stride_bytes.
struct InstanceLayout {
  std::size_t instances = 0;
  std::size_t stride_bytes = 0;
  std::size_t region_bytes = 0;
  std::size_t locations = 0;

  std::size_t offset(std::size_t loc, std::size_t instance) const {
    return loc * region_bytes + instance * stride_bytes;
  }
  std::size_t bytes() const { return locations * region_bytes; }
};

InstanceLayout make_layout(const Test &test, std::size_t instances, std::size_t stride_bytes);
Program lower(const ThreadCode &code, const InstanceLayout &layout);

} // namespace fencelab::hardware
