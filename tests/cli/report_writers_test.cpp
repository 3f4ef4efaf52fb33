// The pieces of `fencelab report` that decide what a reader sees: where each
// test goes in the grid, and that text from a document cannot break the markup.
#include "markup.hpp"
#include "svg_grid.hpp"

#include <gtest/gtest.h>

namespace fencelab::cli {
namespace {

ResultDocument doc_of(std::vector<std::string> names) {
  ResultDocument d;
  for (auto &n : names) {
    TestRecord t;
    t.name = n;
    t.verdict = "ok";
    d.tests.push_back(t);
  }
  return d;
}

TEST(GridLayout, RowsAreThread0sFenceColumnsThread1s) {
  auto layout = grid_layout(doc_of({"SB+a+b", "SB+c+a", "MP+a+a", "LB", "SB+a+b", "X+y+z+w"}));
  ASSERT_EQ(layout.grids.size(), 2u);
  const auto &sb = layout.grids[0];
  EXPECT_EQ(sb.shape, "SB");
  EXPECT_EQ(sb.rows, (std::vector<std::string>{"a", "c"}));
  EXPECT_EQ(sb.columns, (std::vector<std::string>{"b", "a"}));
  EXPECT_EQ(sb.cells[0][0], 0); // SB+a+b
  EXPECT_EQ(sb.cells[1][1], 1); // SB+c+a
  EXPECT_EQ(sb.cells[0][1], -1);
  EXPECT_EQ(layout.grids[1].cells[0][0], 2);
  // Not a triple, or a repeat of a placed test: listed below, so every test has one cell.
  EXPECT_EQ(layout.others, (std::vector<std::size_t>{3, 4, 5}));
}

TEST(ReportMarkup, DocumentTextIsEscaped) {
  EXPECT_EQ(escape_xml(R"(a<b & "c">)"), "a&lt;b &amp; &quot;c&quot;&gt;");
  auto d = doc_of({"SB+<x>+\"y\""});
  d.tests[0].verdict = "VIOLATION";
  std::string svg = ordering_svg(d, 0, true);
  EXPECT_EQ(svg.find("<x>"), std::string::npos);
  EXPECT_NE(svg.find(R"(data-test="SB+&lt;x&gt;+&quot;y&quot;")"), std::string::npos) << svg;
  EXPECT_NE(svg.find(verdict_style("VIOLATION").stroke), std::string::npos);
}

TEST(ReportMarkup, CellLeadsWithTheVerdictThenTheEvidence) {
  TestRecord t;
  t.verdict = "VIOLATION";
  t.has_histogram = true;
  t.observation = "Sometimes";
  t.positive = 12;
  t.iterations = 20000;
  t.models = {{"lkmm", "forbidden"}, {"relacy", "forbidden"}};
  t.power_label = "powered";
  t.power_confidence = 0.95;
  t.planted = "smp_mb=barrier";
  EXPECT_EQ(cell_lines(t),
            (std::vector<std::string>{"VIOLATION", "hw Sometimes", "12 / 20.0k weak",
                                      "lkmm forbidden, relacy forbidden", "powered 0.95", "planted smp_mb=barrier"}));
}

} // namespace
} // namespace fencelab::cli
