#include "program.hpp"

#include <algorithm>

namespace fencelab::hardware {
namespace {
constexpr std::size_t cache_line = 64;
}

InstanceLayout make_layout(const Test &test, std::size_t instances, std::size_t stride_bytes) {
  InstanceLayout l;
  l.instances = instances;
  l.stride_bytes = std::max<std::size_t>(stride_bytes, sizeof(Value));
  l.locations = test.locations.size();
  // Each location's copies get their own run of cache lines, so two different
  // locations never share a line (that would add accidental coherence order).
  std::size_t span = instances * l.stride_bytes;
  l.region_bytes = (span + cache_line - 1) / cache_line * cache_line;
  return l;
}

Program lower(const ThreadCode &code, const InstanceLayout &layout) {
  Program p;
  p.registers = static_cast<int>(code.registers.size());
  for (const Op &op : code.ops) {
    LoweredOp l{op.kind, op.fence, op.reg, op.target, 0, op.value};
    if (op.loc >= 0)
      l.offset = layout.offset(static_cast<std::size_t>(op.loc), 0);
    p.ops.push_back(l);
  }
  return p;
}

} // namespace fencelab::hardware
