#include "run_header.hpp"

#include <cstring>

namespace fencelab::hardware {

std::uint64_t test_fingerprint(const Test &test) {
  std::uint64_t h = 0xcbf29ce484222325ull;
  auto mix = [&](std::int64_t v) { h = (h ^ static_cast<std::uint64_t>(v)) * 0x100000001b3ull; };
  for (const auto &loc : test.locations)
    mix(loc.init);
  for (const auto &thread : test.threads) {
    mix(-1);
    mix(static_cast<std::int64_t>(thread.registers.size()));
    for (const Op &op : thread.ops) {
      mix(static_cast<std::int64_t>(op.kind));
      mix(op.loc);
      mix(op.reg);
      mix(op.value);
      mix(static_cast<std::int64_t>(op.fence));
      mix(op.target);
      mix(op.expr);
      mix(op.addr_reg);
      mix(op.plain);
    }
    for (const Expr &e : thread.exprs) {
      mix(static_cast<std::int64_t>(e.kind));
      mix(e.value);
      mix(e.reg);
      mix(e.lhs);
      mix(e.rhs);
    }
  }
  for (int loc : test.observed_locations)
    mix(loc);
  return h;
}

bool encode_header(RunHeader &h, const Test &test, const BatchRunOptions &o, const std::vector<int> &cpus) {
  if (test.name.size() >= sizeof h.test_name || test.threads.size() > std::size(h.cpus))
    return false;
  h.magic = RunHeader::expected_magic;
  h.test_fingerprint = test_fingerprint(test);
  std::memset(h.test_name, 0, sizeof h.test_name);
  std::memcpy(h.test_name, test.name.data(), test.name.size());
  h.instances_per_batch = o.instances_per_batch;
  h.stride_bytes = o.stride_bytes;
  h.iterations = o.iterations;
  h.budget_seconds = o.budget_seconds;
  h.start_margin_us = o.start_margin_us;
  h.stagger_ns = o.stagger_ns;
  h.preload = o.preload;
  h.stop_on_positive = o.stop_on_positive;
  h.placement = static_cast<std::uint8_t>(o.placement);
  for (std::size_t k = 0; k < std::size(h.stands); ++k) {
    auto kind = static_cast<FenceKind>(k);
    h.stands[k] = o.substitution.stands.count(kind) ? static_cast<std::int8_t>(o.substitution.stands.at(kind)) : -1;
    h.sham_ns[k] = o.substitution.sham_ns.count(kind) ? o.substitution.sham_ns.at(kind) : -1;
  }
  for (std::size_t t = 0; t < test.threads.size(); ++t)
    h.cpus[t] = cpus[t];
  return true;
}

BatchRunOptions decode_options(const RunHeader &h) {
  BatchRunOptions o;
  o.instances_per_batch = h.instances_per_batch;
  o.stride_bytes = h.stride_bytes;
  o.iterations = h.iterations;
  o.budget_seconds = h.budget_seconds;
  o.start_margin_us = h.start_margin_us;
  o.stagger_ns = h.stagger_ns;
  o.preload = h.preload;
  o.stop_on_positive = h.stop_on_positive;
  o.placement = static_cast<Placement>(h.placement);
  o.reexec_partners = true;
  for (std::size_t k = 0; k < std::size(h.stands); ++k) {
    auto kind = static_cast<FenceKind>(k);
    if (h.stands[k] >= 0)
      o.substitution.stands[kind] = static_cast<Stand>(h.stands[k]);
    if (h.sham_ns[k] >= 0)
      o.substitution.sham_ns[kind] = h.sham_ns[k];
  }
  return o;
}

std::vector<int> decode_cpus(const RunHeader &h, int threads) { return std::vector<int>(h.cpus, h.cpus + threads); }

} // namespace fencelab::hardware
