#include "run_product.hpp"

#include <algorithm>
#include <set>
#include <utility>

namespace fencelab::lkmm {
namespace {

using LocValue = std::pair<int, Value>;

struct RunSummary {
  std::vector<LocValue> needs;    // values read that the initial write cannot give
  std::vector<LocValue> provides; // values written
};

class ProductSearch {
public:
  ProductSearch(const Test &test, const std::vector<std::vector<ThreadRun>> &runs, const RunVisitor &visit)
      : runs_(runs), visit_(visit), summaries_(runs.size()), later_can_provide_(runs.size() + 1) {
    for (std::size_t t = 0; t < runs.size(); ++t)
      for (const ThreadRun &run : runs[t]) {
        RunSummary s;
        for (const RunEvent &e : run.events) {
          if (e.access == Access::write)
            s.provides.emplace_back(e.loc, e.value);
          else if (e.value != test.locations[static_cast<std::size_t>(e.loc)].init)
            s.needs.emplace_back(e.loc, e.value);
        }
        summaries_[t].push_back(std::move(s));
      }
    for (std::size_t t = runs.size(); t-- > 0;) {
      later_can_provide_[t] = later_can_provide_[t + 1];
      for (const RunSummary &s : summaries_[t])
        later_can_provide_[t].insert(s.provides.begin(), s.provides.end());
    }
  }

  void run() {
    chosen_.assign(runs_.size(), nullptr);
    choose(0);
  }

private:
  // Whether every value read so far can still get a source once threads
  // `next`... are chosen.
  bool still_possible(std::size_t next) const {
    for (const LocValue &need : needs_)
      if (!provided_.count(need) && !later_can_provide_[next].count(need))
        return false;
    return true;
  }

  void choose(std::size_t t) {
    if (t == runs_.size()) {
      visit_(chosen_);
      return;
    }
    for (std::size_t r = 0; r < runs_[t].size(); ++r) {
      const RunSummary &s = summaries_[t][r];
      const std::size_t needs_before = needs_.size();
      std::vector<LocValue> added;
      for (const LocValue &p : s.provides)
        if (provided_.insert(p).second)
          added.push_back(p);
      needs_.insert(needs_.end(), s.needs.begin(), s.needs.end());
      if (still_possible(t + 1)) {
        chosen_[t] = &runs_[t][r];
        choose(t + 1);
      }
      needs_.resize(needs_before);
      for (const LocValue &p : added)
        provided_.erase(p);
    }
  }

  const std::vector<std::vector<ThreadRun>> &runs_;
  const RunVisitor &visit_;
  std::vector<std::vector<RunSummary>> summaries_;
  std::vector<std::set<LocValue>> later_can_provide_; // by threads t.. (index t)
  std::vector<const ThreadRun *> chosen_;
  std::set<LocValue> provided_;
  std::vector<LocValue> needs_;
};

} // namespace

void for_each_run_product(const Test &test, const std::vector<std::vector<ThreadRun>> &runs, const RunVisitor &visit) {
  ProductSearch(test, runs, visit).run();
}

} // namespace fencelab::lkmm
