// `fencelab report RESULT.json...`: a page to look at (or, with --format
// svg, the ordering table alone), from result documents already written.
// It runs nothing. Bad input names the file, exits 2 and writes nothing.
#include "cli_error.hpp"
#include "commands.hpp"
#include "html_report.hpp"
#include "options.hpp"
#include "svg_grid.hpp"

#include <fmt/core.h>
#include <fstream>
#include <unistd.h>

namespace fencelab::cli {
namespace {

// Through a temporary file and a rename: a reader never sees half a page.
void write_text_atomically(const std::filesystem::path &path, const std::string &text) {
  auto dir = path.parent_path().empty() ? std::filesystem::path(".") : path.parent_path();
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec))
    throw UsageError("-o: no such directory " + dir.string());
  auto tmp = dir / ("." + path.filename().string() + ".tmp" + std::to_string(getpid()));
  std::ofstream out(tmp, std::ios::binary);
  out << text;
  out.close();
  if (!out) {
    std::filesystem::remove(tmp, ec);
    throw UsageError("-o: cannot write " + path.string());
  }
  std::filesystem::rename(tmp, path, ec);
  if (ec) {
    std::filesystem::remove(tmp, ec);
    throw UsageError("-o: cannot write " + path.string());
  }
}

} // namespace

int report_command(const std::vector<std::string> &args) {
  po::options_description desc("report options");
  desc.add_options()("files", po::value<std::vector<std::string>>()->required(), "result documents (.json)")(
      "output,o", po::value<std::string>(), "file to write (default: report.html, or report.svg with --format svg)")(
      "format", po::value<std::string>()->default_value("html"), "html: the whole page; svg: the ordering table alone");
  po::positional_options_description positional;
  positional.add("files", -1);
  auto vm = parse_command("report", args, desc, positional, "RESULT.json... [-o report.html] [--format html|svg]");
  if (!vm)
    return 0;
  std::string format = (*vm)["format"].as<std::string>();
  if (format != "html" && format != "svg")
    throw UsageError("--format: unknown format '" + format + "' (choose html or svg)");
  std::vector<ResultDocument> docs;
  try {
    for (const auto &file : (*vm)["files"].as<std::vector<std::string>>())
      docs.push_back(read_result_document(file));
  } catch (const DocumentError &e) {
    throw UsageError(e.what());
  }
  std::filesystem::path out = vm->count("output") ? (*vm)["output"].as<std::string>() : "report." + format;
  write_text_atomically(out, format == "svg" ? ordering_svg_file(docs) : html_report(docs));
  fmt::print("Report written to {}\n", out.string());
  return 0;
}

} // namespace fencelab::cli
