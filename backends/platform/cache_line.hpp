#pragma once
// Cache geometry for laying out shared data: the line size, and how far apart
// two threads' data must be so that neither the line nor a prefetcher's pair
// of lines makes them share (the fence layer says; 64 and 128 elsewhere).
#include "fences.hpp"

#include <cstddef>

#ifndef FENCELAB_ARCH_CACHE_LINE
#define FENCELAB_ARCH_CACHE_LINE 64
#endif
#ifndef FENCELAB_ARCH_SEPARATION
#define FENCELAB_ARCH_SEPARATION 128
#endif

namespace fencelab::platform {

inline constexpr std::size_t cache_line_bytes = FENCELAB_ARCH_CACHE_LINE;
inline constexpr std::size_t separation_bytes = FENCELAB_ARCH_SEPARATION;
static_assert(separation_bytes % cache_line_bytes == 0);

} // namespace fencelab::platform
