#include "svg_grid.hpp"

#include "markup.hpp"

#include <algorithm>
#include <fmt/core.h>
#include <map>

namespace fencelab::cli {
namespace {

constexpr int label_width = 110, cell_width = 230, line_height = 15, cell_lines_max = 6;
constexpr int cell_height = line_height * cell_lines_max + 10, title_height = 28, header_height = 22, gap = 24;

std::vector<std::string> split_name(const std::string &name) {
  std::vector<std::string> parts;
  std::size_t pos = 0;
  while (true) {
    auto plus = name.find('+', pos);
    parts.push_back(name.substr(pos, plus == std::string::npos ? std::string::npos : plus - pos));
    if (plus == std::string::npos)
      return parts;
    pos = plus + 1;
  }
}

void add_unique(std::vector<std::string> &v, const std::string &s) {
  if (std::find(v.begin(), v.end(), s) == v.end())
    v.push_back(s);
}

std::size_t index_of(const std::vector<std::string> &v, const std::string &s) {
  return static_cast<std::size_t>(std::find(v.begin(), v.end(), s) - v.begin());
}

std::string cell_svg(const TestRecord &t, std::size_t doc_index, int x, int y) {
  VerdictStyle style = verdict_style(t.verdict);
  std::string out = fmt::format(R"(<g class="cell" data-doc="{}" data-test="{}" data-verdict="{}">)", doc_index,
                                escape_xml(t.name), escape_xml(t.verdict));
  out += fmt::format(R"(<title>{}</title>)", escape_xml(t.name + ": " + t.condition));
  double inset = style.stroke_width / 2;
  out += fmt::format(R"(<rect x="{}" y="{}" width="{}" height="{}" fill="{}" stroke="{}" stroke-width="{}"/>)",
                     x + inset, y + inset, cell_width - 2 * inset, cell_height - 2 * inset, style.fill, style.stroke,
                     style.stroke_width);
  auto lines = cell_lines(t);
  for (std::size_t i = 0; i < lines.size() && i < cell_lines_max; ++i)
    out += fmt::format(R"(<text x="{}" y="{}" font-size="{}"{}>{}</text>)", x + 8,
                       y + 18 + static_cast<int>(i) * line_height, i == 0 ? 14 : 11,
                       i == 0 ? R"( font-weight="bold")" : "", escape_xml(lines[i]));
  return out + "</g>";
}

std::string text_at(int x, int y, const std::string &text, const char *extra = "") {
  return fmt::format(R"(<text x="{}" y="{}"{}>{}</text>)", x, y, extra, escape_xml(text));
}

// Draws one shape's grid at `y`; returns the height used.
int draw_grid(std::string &out, const ResultDocument &doc, std::size_t doc_index, const ShapeGrid &g, int y) {
  out += text_at(0, y + 18, g.shape + ": rows T0's fence, columns T1's", R"( font-size="15" font-weight="bold")");
  y += title_height;
  out += text_at(4, y + 15, "T0 \\ T1", R"( font-size="11" fill="#555")");
  for (std::size_t c = 0; c < g.columns.size(); ++c)
    out += text_at(label_width + static_cast<int>(c) * cell_width + 8, y + 15, g.columns[c],
                   R"( font-size="13" font-weight="bold")");
  y += header_height;
  for (std::size_t r = 0; r < g.rows.size(); ++r) {
    int row_y = y + static_cast<int>(r) * cell_height;
    out += text_at(4, row_y + 20, g.rows[r], R"( font-size="13" font-weight="bold")");
    for (std::size_t c = 0; c < g.columns.size(); ++c)
      if (int t = g.cells[r][c]; t >= 0)
        out += cell_svg(doc.tests[static_cast<std::size_t>(t)], doc_index,
                        label_width + static_cast<int>(c) * cell_width, row_y);
  }
  return title_height + header_height + static_cast<int>(g.rows.size()) * cell_height + gap;
}

} // namespace

GridLayout grid_layout(const ResultDocument &doc) {
  GridLayout layout;
  std::map<std::string, std::size_t> by_shape;
  std::vector<std::pair<std::size_t, std::vector<std::string>>> placed;
  for (std::size_t i = 0; i < doc.tests.size(); ++i) {
    auto parts = split_name(doc.tests[i].name);
    if (parts.size() != 3) {
      layout.others.push_back(i);
      continue;
    }
    auto [it, fresh] = by_shape.try_emplace(parts[0], layout.grids.size());
    if (fresh)
      layout.grids.push_back({parts[0], {}, {}, {}});
    add_unique(layout.grids[it->second].rows, parts[1]);
    add_unique(layout.grids[it->second].columns, parts[2]);
    placed.emplace_back(i, std::move(parts));
  }
  for (auto &g : layout.grids)
    g.cells.assign(g.rows.size(), std::vector<int>(g.columns.size(), -1));
  for (const auto &[i, parts] : placed) {
    ShapeGrid &g = layout.grids[by_shape[parts[0]]];
    int &cell = g.cells[index_of(g.rows, parts[1])][index_of(g.columns, parts[2])];
    if (cell >= 0)
      layout.others.push_back(i); // a repeat of a test already placed
    else
      cell = static_cast<int>(i);
  }
  std::sort(layout.others.begin(), layout.others.end());
  return layout;
}

namespace {

struct SvgBlock {
  std::string body;
  int width = 0, height = 0;
};

SvgBlock ordering_block(const ResultDocument &doc, std::size_t doc_index) {
  GridLayout layout = grid_layout(doc);
  SvgBlock b;
  int &y = b.height;
  std::size_t widest = 1;
  for (const auto &g : layout.grids) {
    y += draw_grid(b.body, doc, doc_index, g, y);
    widest = std::max(widest, g.columns.size());
  }
  if (!layout.others.empty()) {
    b.body +=
        text_at(0, y + 18, layout.grids.empty() ? "tests" : "other tests", R"( font-size="15" font-weight="bold")");
    y += title_height;
    for (std::size_t k = 0; k < layout.others.size(); ++k) {
      const TestRecord &t = doc.tests[layout.others[k]];
      int row_y = y + static_cast<int>(k) * cell_height;
      b.body += text_at(4, row_y + 20, t.name, R"( font-size="12")");
      b.body += cell_svg(t, doc_index, label_width + 150, row_y);
    }
    y += static_cast<int>(layout.others.size()) * cell_height + gap;
    widest = std::max<std::size_t>(widest, 2);
  }
  b.width = label_width + static_cast<int>(widest) * cell_width + 160;
  return b;
}

std::string svg_open(bool standalone, int x, int y, int width, int height) {
  return fmt::format(R"(<svg {}x="{}" y="{}" width="{}" height="{}" viewBox="0 0 {} {}" font-family="sans-serif">)",
                     standalone ? R"(xmlns="http://www.w3.org/2000/svg" )" : "", x, y, width, height, width, height);
}

} // namespace

std::string ordering_svg(const ResultDocument &doc, std::size_t doc_index, bool standalone) {
  SvgBlock b = ordering_block(doc, doc_index);
  return svg_open(standalone, 0, 0, b.width, b.height) + b.body + "</svg>";
}

std::string ordering_svg_file(const std::vector<ResultDocument> &docs) {
  std::string inner;
  int x = 0, height = 0;
  bool titled = docs.size() > 1; // one document needs no caption: the file name says it
  for (std::size_t i = 0; i < docs.size(); ++i) {
    SvgBlock b = ordering_block(docs[i], i);
    if (titled)
      inner += text_at(x, 16, machine_summary(docs[i]) + " - " + docs[i].path.filename().string(),
                       R"( font-size="13" font-family="sans-serif")");
    inner += svg_open(false, x, titled ? 24 : 0, b.width, b.height) + b.body + "</svg>";
    x += b.width + 30;
    height = std::max(height, b.height + (titled ? 24 : 0));
  }
  return svg_open(true, 0, 0, x, height) + inner + "</svg>\n";
}

} // namespace fencelab::cli
