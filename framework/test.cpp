#include "test.hpp"

#include <algorithm>

namespace fencelab {

int Test::register_count() const {
  int n = 0;
  for (const auto &t : threads)
    n += static_cast<int>(t.registers.size());
  return n;
}

int Test::register_slot(int thread, int reg) const {
  int slot = 0;
  for (int t = 0; t < thread; ++t)
    slot += static_cast<int>(threads[static_cast<std::size_t>(t)].registers.size());
  return slot + reg;
}

int Test::location_slot(int loc) const {
  auto it = std::find(observed_locations.begin(), observed_locations.end(), loc);
  if (it == observed_locations.end())
    return -1;
  return register_count() + static_cast<int>(it - observed_locations.begin());
}

std::string Test::slot_name(int slot) const {
  for (std::size_t t = 0; t < threads.size(); ++t) {
    const auto &regs = threads[t].registers;
    if (slot < static_cast<int>(regs.size()))
      return std::to_string(t) + ":" + regs[static_cast<std::size_t>(slot)];
    slot -= static_cast<int>(regs.size());
  }
  return locations[static_cast<std::size_t>(observed_locations[static_cast<std::size_t>(slot)])].name;
}

bool Test::uses_fence(FenceKind kind) const {
  for (const auto &t : threads)
    for (const auto &op : t.ops)
      if (op.kind == OpKind::fence && op.fence == kind)
        return true;
  return false;
}

} // namespace fencelab
