#pragma once
#include <string>
#include <vector>

namespace fencelab::cli {

// Each returns the process exit code (exit_codes.hpp): 0 all verdicts hold,
// 1 a VIOLATION or MODEL DISAGREEMENT, 2 bad input (thrown as UsageError and
// printed by main), 3 a run that broke.
int table_command(const std::vector<std::string> &args);
int run_command(const std::vector<std::string> &args);
int list_command(const std::vector<std::string> &args);
int info_command(const std::vector<std::string> &args);
int window_command(const std::vector<std::string> &args);
int bench_command(const std::vector<std::string> &args);
int check_command(const std::vector<std::string> &args);
int scope_command(const std::vector<std::string> &args);
// Read result documents only: 0 done, 2 bad input; compare: 1 when B has a new VIOLATION or MODEL DISAGREEMENT.
int report_command(const std::vector<std::string> &args);
int compare_command(const std::vector<std::string> &args);
int soak_command(const std::vector<std::string> &args);

} // namespace fencelab::cli
