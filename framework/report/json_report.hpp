#pragma once
// The result document (schema: results/schema.json, described in results/README.md).
#include "judge.hpp"
#include "run_config.hpp"

#include <filesystem>
#include <nlohmann/json.hpp>
#include <vector>

namespace fencelab::report {

// The document's shape, checked by results/schema.json: bumped on any
// incompatible change (a key removed, renamed or retyped), not on additions.
constexpr int schema_version = 1;

nlohmann::json test_result_json(const TestResult &result);
nlohmann::json power_json(const Power &power);
nlohmann::json histogram_json(const Test &test, const Histogram &histogram);
nlohmann::json config_json(const RunConfig &config);

// {"schema_version", "fencelab": version, "command", "created"}: what every document starts with.
nlohmann::json document_header(const std::string &command);

// The header, then "machine", "config", "tests".
nlohmann::json result_document(const std::string &command, const nlohmann::json &machine, const RunConfig &config,
                               const std::vector<TestResult> &results);

// Writes through a temporary file and a rename, so a reader never sees half
// a document and a failed run leaves no file. Throws std::runtime_error.
void write_json_atomically(const std::filesystem::path &path, const nlohmann::json &doc);

} // namespace fencelab::report
