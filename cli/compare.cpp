#include "compare.hpp"

#include <algorithm>
#include <map>

namespace fencelab::cli {
namespace {

const char *const new_violation_verdicts[] = {"VIOLATION", "MODEL DISAGREEMENT"};

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  std::size_t n = v.size();
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

CompareSide summarise(const std::vector<const TestRecord *> &records) {
  CompareSide side;
  side.verdict = "absent";
  std::uint64_t positive = 0, negative = 0;
  std::vector<double> rates;
  for (const TestRecord *r : records) {
    ++side.runs;
    std::string verdict = r->verdict.empty() ? "none" : r->verdict;
    side.verdicts.insert(verdict);
    if (side.runs == 1 || verdict_severity(verdict) > verdict_severity(side.verdict))
      side.verdict = verdict;
    if (!r->planted.empty())
      side.planted = r->planted;
    if (!r->has_histogram)
      continue;
    ++side.hardware_runs;
    positive += r->positive;
    negative += r->negative;
    for (const auto &o : r->histogram)
      if (o.count > 0)
        side.outcomes.insert(o.text);
    if (r->weak_per_second)
      rates.push_back(*r->weak_per_second);
  }
  if (side.hardware_runs > 0)
    side.observation = positive == 0 ? "Never" : negative == 0 ? "Always" : "Sometimes";
  if (!rates.empty())
    side.weak_per_second = median(rates);
  return side;
}

std::vector<std::string> difference(const std::set<std::string> &x, const std::set<std::string> &y) {
  std::vector<std::string> out;
  std::set_difference(x.begin(), x.end(), y.begin(), y.end(), std::back_inserter(out));
  return out;
}

using RecordsByTest = std::map<std::string, std::vector<const TestRecord *>>;

void collect(const std::vector<ResultDocument> &docs, RecordsByTest &by_test, std::vector<std::string> &order) {
  for (const auto &doc : docs)
    for (const auto &t : doc.tests) {
      if (std::find(order.begin(), order.end(), t.name) == order.end())
        order.push_back(t.name);
      by_test[t.name].push_back(&t);
    }
}

CompareRow row_for(const std::string &test, const std::vector<const TestRecord *> &a,
                   const std::vector<const TestRecord *> &b) {
  CompareRow row;
  row.test = test;
  row.a = summarise(a);
  row.b = summarise(b);
  row.only_a = difference(row.a.outcomes, row.b.outcomes);
  row.only_b = difference(row.b.outcomes, row.a.outcomes);
  if (row.a.weak_per_second && row.b.weak_per_second && *row.a.weak_per_second > 0)
    row.weak_ratio = *row.b.weak_per_second / *row.a.weak_per_second;
  row.noisy = !(row.a.hardware_runs >= 2 && row.b.hardware_runs >= 2);
  row.one_sided = row.a.runs == 0 || row.b.runs == 0;
  row.verdict_differs = !row.one_sided && row.a.verdicts != row.b.verdicts;
  for (const char *v : new_violation_verdicts)
    if (row.b.verdicts.count(v) && !row.a.verdicts.count(v))
      row.new_violation = true;
  return row;
}

} // namespace

int verdict_severity(const std::string &verdict) {
  const char *order[] = {"none",   "unsupported",        "ok",       "stronger", "model-limited",
                         "FAILED", "MODEL DISAGREEMENT", "VIOLATION"};
  for (int i = 0; i < static_cast<int>(std::size(order)); ++i)
    if (verdict == order[i])
      return i;
  return 0; // a verdict from a newer version: no more severe than "none"
}

Comparison compare_documents(const std::vector<ResultDocument> &a, const std::vector<ResultDocument> &b) {
  RecordsByTest in_a, in_b;
  std::vector<std::string> order;
  collect(a, in_a, order);
  collect(b, in_b, order);
  Comparison c;
  for (const auto &test : order)
    c.rows.push_back(row_for(test, in_a[test], in_b[test]));
  auto rank = [](const CompareRow &r) { return r.verdict_differs ? 0 : r.one_sided ? 2 : 1; };
  std::stable_sort(c.rows.begin(), c.rows.end(), [&](const auto &x, const auto &y) { return rank(x) < rank(y); });
  for (const auto &r : c.rows)
    if (r.new_violation)
      c.new_violations.push_back(r.test);
  return c;
}

namespace {

nlohmann::json side_json(const CompareSide &s) {
  nlohmann::json j{
      {"runs", s.runs},
      {"hardware_runs", s.hardware_runs},
      {"verdict", s.verdict},
      {"verdicts", s.verdicts},
      {"observation", s.observation.empty() ? nlohmann::json(nullptr) : nlohmann::json(s.observation)},
      {"weak_per_second", s.weak_per_second ? nlohmann::json(*s.weak_per_second) : nlohmann::json(nullptr)}};
  if (!s.planted.empty())
    j["planted"] = s.planted;
  return j;
}

} // namespace

nlohmann::json comparison_json(const Comparison &c) {
  nlohmann::json rows = nlohmann::json::array();
  for (const auto &r : c.rows)
    rows.push_back({{"test", r.test},
                    {"a", side_json(r.a)},
                    {"b", side_json(r.b)},
                    {"outcomes_only_in_a", r.only_a},
                    {"outcomes_only_in_b", r.only_b},
                    {"weak_per_second_ratio", r.weak_ratio ? nlohmann::json(*r.weak_ratio) : nlohmann::json(nullptr)},
                    {"rate_noisy", r.noisy},
                    {"verdict_differs", r.verdict_differs},
                    {"one_sided", r.one_sided},
                    {"new_violation", r.new_violation}});
  return {{"rows", rows}, {"new_violations", c.new_violations}};
}

} // namespace fencelab::cli
