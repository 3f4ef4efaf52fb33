#pragma once
// A fencelab result document read back (schema: results/README.md), for
// `report` and `compare`. Reading is tolerant: fields this reader does not
// know are ignored and optional fields may be missing, so documents from
// older and newer versions stay readable. Only what makes a file no result
// document at all (not JSON, no "fencelab" version, no "tests" list, a test
// without a name) is an error.
#include <cstdint>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace fencelab::cli {

// One line naming the file; `report` and `compare` exit 2 on it.
struct DocumentError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct OutcomeCount {
  std::vector<std::pair<std::string, std::string>> values; // slot name -> value text, in document order
  std::string text;                                        // "0:r0=0; 1:r0=0;"
  std::uint64_t count = 0;
};

struct ModelRecord {
  std::string name;    // "lkmm", "relacy", or "model" when an older document does not say
  std::string verdict; // "forbidden", "allowed", "model-limited", ..., "unsupported"
};

struct LatencyRecord {
  std::uint64_t calls = 0;
  std::optional<double> min_ns, max_ns; // the window document's summary has no min or max
  double median_ns = 0, p99_ns = 0;
  std::vector<double> interrupts_per_call; // per CPU: function-call interrupts / calls
};

struct TestRecord {
  std::string name, condition;
  std::string verdict;     // "" when the document has none (null)
  std::string observation; // "Never" | "Sometimes" | "Always"; "" without a histogram
  std::string unsupported, failure, planted;
  std::string heavy; // the heavy barrier the run used, "" when the document does not say
  bool has_histogram = false;
  bool partial = false; // the run was stopped (Ctrl-C) before its budget ended
  std::uint64_t positive = 0, negative = 0, iterations = 0;
  std::uint64_t unclassified = 0; // outcomes counted but not itemised (perpetual mode: not satisfying the condition)
  double seconds = 0;
  std::optional<double> weak_per_second;
  std::vector<ModelRecord> models;
  std::string power_label; // "" without a control
  std::optional<double> power_confidence;
  std::vector<OutcomeCount> histogram;
  std::optional<LatencyRecord> latency;
};

struct SweepPoint {
  double delay_ns = 0;
  std::uint64_t weak = 0, iterations = 0;
  double weak_per_million() const;
};

struct WindowTechnique {
  std::string name;
  bool in_contract = true;
  std::vector<SweepPoint> sweep;
  double window_ns = -1;
};

struct HeavyBarrierLatency {
  std::string heavy;
  std::string unsupported;
  std::optional<LatencyRecord> latency;
};

struct ResultDocument {
  std::filesystem::path path;
  std::string version, command, created;
  nlohmann::json machine = nlohmann::json::object(), config = nlohmann::json::object();
  bool interrupted = false;
  std::vector<TestRecord> tests;
  std::vector<WindowTechnique> window;      // `window` documents only
  std::vector<HeavyBarrierLatency> heavies; // `window` documents only
};

// Throws DocumentError("PATH: why") for a missing or unreadable file, text
// that is not JSON, or JSON that is not a fencelab result document.
ResultDocument read_result_document(const std::filesystem::path &path);
// The same from text already read; `path` only names it in errors.
ResultDocument parse_result_document(const std::string &text, const std::filesystem::path &path);

// A file, or every *.json file directly inside a directory (sorted by name).
// Throws DocumentError for a directory holding none.
std::vector<ResultDocument> read_result_documents(const std::filesystem::path &file_or_directory);

// Short machine description: "AMD EPYC, x86_64, 2 CPUs, Linux 6.18...".
std::string machine_summary(const ResultDocument &doc);

} // namespace fencelab::cli
