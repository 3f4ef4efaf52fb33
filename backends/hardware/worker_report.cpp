#include "worker_report.hpp"

#include <atomic>
#include <algorithm>
#include <cstring>

namespace fencelab::hardware {
namespace {

// The area: this header, then outcomes as (count, values...), latency ticks,
// and witnesses as (batch, instance, values...), all 8-byte words.
struct Header {
  std::uint32_t complete; // written last, with release order
  std::uint32_t overflow; // bit 0 outcomes, bit 1 latency samples, bit 2 witnesses
  std::uint64_t outcomes, latency_samples, witnesses, failures, heavy_calls;
  std::int64_t registrations;
};

constexpr std::uint32_t outcome_overflow = 1, latency_overflow = 2, witness_overflow = 4;

struct Sections {
  std::size_t outcomes, latency, witnesses, end; // word offsets after the header
};

Sections sections(const ReportLimits &l) {
  Sections s{};
  s.outcomes = 0;
  s.latency = s.outcomes + l.max_outcomes * (l.width + 1);
  s.witnesses = s.latency + l.max_latency_samples;
  s.end = s.witnesses + l.max_witnesses * (l.width + 2);
  return s;
}

std::uint64_t *words(char *area) { return reinterpret_cast<std::uint64_t *>(area + sizeof(Header)); }
const std::uint64_t *words(const char *area) { return reinterpret_cast<const std::uint64_t *>(area + sizeof(Header)); }

} // namespace

std::size_t report_area_bytes(const ReportLimits &limits) {
  return (sizeof(Header) + sections(limits).end * 8 + 127) / 128 * 128;
}

void write_report(std::span<char> area, const ReportLimits &l, const WorkerReport &r) {
  Header h{};
  Sections s = sections(l);
  std::uint64_t *w = words(area.data());
  for (const auto &[outcome, count] : r.outcomes.counts) {
    if (h.outcomes == l.max_outcomes || outcome.size() != l.width) {
      h.overflow |= outcome_overflow;
      break;
    }
    std::uint64_t *slot = w + s.outcomes + h.outcomes++ * (l.width + 1);
    slot[0] = count;
    std::copy_n(outcome.data(), l.width, slot + 1);
  }
  if (r.latency_ticks.size() > l.max_latency_samples)
    h.overflow |= latency_overflow;
  h.latency_samples = std::min(r.latency_ticks.size(), l.max_latency_samples);
  // std::copy_n: an empty vector's data() may be null, which memcpy must never get (UBSan).
  std::copy_n(r.latency_ticks.data(), h.latency_samples, w + s.latency);
  for (const auto &wit : r.witnesses) {
    if (h.witnesses == l.max_witnesses || wit.values.size() != l.width) {
      h.overflow |= witness_overflow;
      break;
    }
    std::uint64_t *slot = w + s.witnesses + h.witnesses++ * (l.width + 2);
    slot[0] = wit.batch;
    slot[1] = wit.instance;
    std::copy_n(wit.values.data(), l.width, slot + 2);
  }
  h.failures = r.failures;
  h.heavy_calls = r.heavy_calls;
  h.registrations = r.registrations;
  auto *header = reinterpret_cast<Header *>(area.data());
  std::memcpy(reinterpret_cast<char *>(header) + sizeof(std::uint32_t),
              reinterpret_cast<const char *>(&h) + sizeof(std::uint32_t), sizeof(Header) - sizeof(std::uint32_t));
  std::atomic_ref<std::uint32_t>(header->complete).store(1, std::memory_order_release);
}

std::string read_report(std::span<const char> area, const ReportLimits &l, WorkerReport &out) {
  auto *header = reinterpret_cast<Header *>(const_cast<char *>(area.data()));
  if (std::atomic_ref<std::uint32_t>(header->complete).load(std::memory_order_acquire) != 1)
    return "its process ended without writing its results";
  const Header &h = *header;
  if (h.overflow & outcome_overflow)
    return "its results overflowed: more than " + std::to_string(l.max_outcomes) + " distinct outcomes";
  if (h.overflow & latency_overflow)
    return "its results overflowed: more than " + std::to_string(l.max_latency_samples) + " latency samples";
  if (h.overflow & witness_overflow)
    return "its results overflowed: more than " + std::to_string(l.max_witnesses) + " witnesses";
  Sections s = sections(l);
  const std::uint64_t *w = words(area.data());
  for (std::uint64_t i = 0; i < h.outcomes; ++i) {
    const std::uint64_t *slot = w + s.outcomes + i * (l.width + 1);
    const auto *values = reinterpret_cast<const Value *>(slot + 1);
    out.outcomes.add(Outcome(values, values + l.width), slot[0]);
  }
  out.latency_ticks.assign(w + s.latency, w + s.latency + h.latency_samples);
  for (std::uint64_t i = 0; i < h.witnesses; ++i) {
    const std::uint64_t *slot = w + s.witnesses + i * (l.width + 2);
    const auto *values = reinterpret_cast<const Value *>(slot + 2);
    out.witnesses.push_back({slot[0], slot[1], Outcome(values, values + l.width)});
  }
  out.failures = h.failures;
  out.heavy_calls = h.heavy_calls;
  out.registrations = static_cast<int>(h.registrations);
  return "";
}

} // namespace fencelab::hardware
