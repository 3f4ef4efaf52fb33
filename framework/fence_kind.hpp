#pragma once
// What a Fence op asks for, and the one table that says what each kind means
// to every consumer: the parser, the CLI, the models and the hardware
// lowering. Adding a kind is a line in the enum and a row in fence_table;
// the instruction it runs is the fence layer's (backends/platform/fences.hpp).
#include "enum_names.hpp"

#include <array>
#include <cstddef>
#include <string_view>

namespace fencelab {

enum class FenceKind {
  none,       // no instruction at all: the compiler may reorder
  barrier,    // compiler barrier only
  smp_mb,     // the CPU's full fence, as Linux spells it (`fencelab info` names it)
  mfence,     // a CPU's second, stronger full fence where it has one; elsewhere smp_mb
  smp_wmb,    // store-store fence
  smp_rmb,    // load-load fence
  membarrier, // the process-wide heavy barrier (see HeavyBarrier)
};

// Which side of the membarrier(2) pairing a kind is on. Light kinds cost
// nothing at run time; CPU kinds are one instruction of the fence layer,
// timed and imitated by a spin; the heavy kind is the configured HeavyBarrier.
enum class FenceSide { light, cpu, heavy };

// What the C++ memory model (the Relacy lowering) makes of a kind.
enum class CppFence {
  nothing,       // no effect at all
  compiler_only, // orders nothing between threads
  seq_cst,       // atomic_thread_fence(seq_cst)
  release,       // atomic_thread_fence(release)
  acquire,       // atomic_thread_fence(acquire)
  heavy,         // the process-wide heavy barrier, modelled by the backend
};

// Which of the LKMM cat's fence sets an event of this kind belongs to.
// `barrier` orders nothing there, so it is `none` like the empty kind.
enum class CatFence { none, mb, wmb, rmb, membarrier };

struct FenceInfo {
  FenceKind kind;
  std::string_view name; // printed, and spelled in --substitute, JSON and reports
  std::string_view call; // the litmus call `call()` the parser reads, or empty
  FenceSide side;
  CppFence cpp;
  CatFence cat;
};

inline constexpr std::size_t fence_kind_count = 7;

// membarrier() is fencelab's extension; herd does not know it. mfence has no
// litmus spelling: it is only ever substituted or built in.
inline constexpr std::array<FenceInfo, fence_kind_count> fence_table{{
    {FenceKind::none, "none", "", FenceSide::light, CppFence::nothing, CatFence::none},
    {FenceKind::barrier, "barrier", "barrier", FenceSide::light, CppFence::compiler_only, CatFence::none},
    {FenceKind::smp_mb, "smp_mb", "smp_mb", FenceSide::cpu, CppFence::seq_cst, CatFence::mb},
    {FenceKind::mfence, "mfence", "", FenceSide::cpu, CppFence::seq_cst, CatFence::mb},
    {FenceKind::smp_wmb, "smp_wmb", "smp_wmb", FenceSide::cpu, CppFence::release, CatFence::wmb},
    {FenceKind::smp_rmb, "smp_rmb", "smp_rmb", FenceSide::cpu, CppFence::acquire, CatFence::rmb},
    {FenceKind::membarrier, "membarrier", "membarrier", FenceSide::heavy, CppFence::heavy, CatFence::membarrier},
}};

// Row k describes kind k: lookups index the table by the enum's value.
constexpr bool fence_table_in_enum_order() {
  for (std::size_t k = 0; k < fence_table.size(); ++k)
    if (static_cast<std::size_t>(fence_table[k].kind) != k)
      return false;
  return true;
}
static_assert(fence_table_in_enum_order(), "fence_table: one row per FenceKind, in the enum's order");
static_assert(static_cast<std::size_t>(FenceKind::membarrier) + 1 == fence_kind_count,
              "fence_kind_count: the last FenceKind is the last row");

constexpr const FenceInfo &fence_info(FenceKind k) { return fence_table[static_cast<std::size_t>(k)]; }

// Whether a kind orders like a full fence or stronger (the membarrier(2) ordering table).
constexpr bool is_full_or_heavy(FenceKind k) {
  auto cpp = fence_info(k).cpp;
  return cpp == CppFence::seq_cst || cpp == CppFence::heavy;
}

constexpr auto enum_names(FenceKind) {
  std::array<NameOf<FenceKind>, fence_kind_count> names{};
  for (std::size_t k = 0; k < fence_kind_count; ++k)
    names[k] = {fence_table[k].kind, fence_table[k].name};
  return names;
}

} // namespace fencelab
