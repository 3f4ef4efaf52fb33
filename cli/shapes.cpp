#include "shapes.hpp"

#include "cli_error.hpp"

namespace fencelab::cli {

std::vector<Shape> parse_shapes(const std::string &text) {
  std::vector<Shape> shapes;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    auto comma = text.find(',', pos);
    auto word = text.substr(pos, comma == std::string::npos ? std::string::npos : comma - pos);
    auto shape = parse_enum<Shape>(word);
    if (!shape)
      throw UsageError("--shape: unknown shape '" + word + "' (choose " + enum_choices<Shape>() + ")");
    shapes.push_back(*shape);
    if (comma == std::string::npos)
      break;
    pos = comma + 1;
  }
  return shapes;
}

} // namespace fencelab::cli
