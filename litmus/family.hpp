#pragma once
// The built-in family: SB and MP with every pairing of barrier, smp_mb and
// membarrier, named herd style: SHAPE+<thread 0 fence>+<thread 1 fence>.
#include "test.hpp"

#include <optional>
#include <string_view>
#include <vector>

namespace fencelab {

enum class Shape { sb, mp };

constexpr auto enum_names(Shape) {
  return std::array<NameOf<Shape>, 2>{{{Shape::sb, "sb"}, {Shape::mp, "mp"}}};
}

// The fences of the family, in table order (rows and columns of the grid).
inline constexpr std::array<FenceKind, 3> family_fences{FenceKind::barrier, FenceKind::smp_mb,
                                                        FenceKind::membarrier};

Test make_family_test(Shape shape, FenceKind f0, FenceKind f1);
std::vector<Test> family_tests(Shape shape);
std::vector<Test> all_family_tests();
std::optional<Test> find_family_test(std::string_view name);

} // namespace fencelab
