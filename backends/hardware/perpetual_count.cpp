#include "perpetual_count.hpp"

#include <algorithm>
#include <array>
#include <cstring>
#include <stdexcept>

namespace fencelab::hardware {
namespace {

// Where a logged read falls in the writer's chunk: 0 is the writer's last
// store from before the chunk, n its chunk's n-th iteration; anything past
// the writer's iterations was out of the window (see LoggedRead).
std::int64_t place(LoggedRead read, Value writer_base) {
  return static_cast<LoggedRead>(read - static_cast<LoggedRead>(writer_base));
}

// Checks one column's reads as they are walked: a read out of the writer's
// window, or one below the (in-window) read before it, is a violation. The
// four-lane count applies the same rule to each lane.
class CoherenceCheck {
public:
  explicit CoherenceCheck(std::size_t window = 0) : window_(static_cast<std::int64_t>(window)) {}
  std::int64_t operator()(std::int64_t now) {
    const bool inside = now <= window_;
    violations += !inside || (before_ <= window_ && now < before_);
    before_ = now;
    return inside ? now : window_;
  }
  std::uint64_t violations = 0;

private:
  std::int64_t window_;
  std::int64_t before_ = 0;
};

// Software prefetch distance in rows: the logs were just written by the
// other core, and a column is read one row (a cache line) at a time.
constexpr std::size_t ahead = 16;

void prefetch(const LoggedRead *p) { __builtin_prefetch(p); }

struct CopyResult {
  std::uint64_t positive = 0;
  std::size_t first = SIZE_MAX;
};

// The partner's side of a one-constraint-each count, for copies s0 .. s0+W:
// reached[d * W + s] is how many partner iterations of copy s read the
// anchor's d-th iteration (0: none of this chunk's; clamped at the anchor's
// length). Returns the partner reads that went back or left the window.
template <std::size_t W>
std::uint64_t fill_reached(const ThreadChunk &partner, int reg, std::size_t s0, const ThreadChunk &anchor,
                           std::uint32_t *reached) {
  const std::size_t na = anchor.length, nb = partner.length;
  std::uint64_t violations = 0;
  std::fill_n(reached, (na + 1) * W, 0u);
  const LoggedRead *pv = partner.log.row(reg, 0) + s0;
  const std::size_t pstep = partner.log.copies;
  const auto window = static_cast<std::int64_t>(na);
  for (std::size_t j = 0; j < nb; ++j) {
    prefetch(pv + std::min(j + ahead, nb - 1) * pstep);
    // CoherenceCheck's rule, with the row before re-read rather than kept:
    // W kept values would not stay in registers.
    const LoggedRead *now = pv + j * pstep, *before = j ? now - pstep : now;
#pragma GCC unroll 4
    for (std::size_t s = 0; s < W; ++s) {
      const std::int64_t d = place(now[s], anchor.base), was = place(before[s], anchor.base);
      violations += d > window || (was <= window && d < was);
      ++reached[std::min(d, window) * W + s];
    }
  }
  return violations;
}

// The count when the condition has one constraint on each side (SB, LB): the
// shape whose speed matters, compiled with both constraints fixed and four
// copies in the lanes of one vector (GCC/Clang vector extensions, which every
// target lowers to its own SIMD or to scalars), so one instruction steps all
// four greedy chains; a chain alone waits on its own last match every anchor.
using Lanes = std::int32_t __attribute__((vector_size(16)));
using UnsignedLanes = std::uint32_t __attribute__((vector_size(16)));

UnsignedLanes load_lanes(const std::uint32_t *p) {
  UnsignedLanes v;
  std::memcpy(&v, p, sizeof v);
  return v;
}

template <bool AnchorSeen, bool PartnerSeen>
void count_four(const ChunkLogs &logs, int anchor_reg, int partner_reg, std::size_t s0, std::uint32_t *reached,
                ChunkCount &c) {
  constexpr std::size_t W = 4;
  const ThreadChunk &a = logs.anchor, &b = logs.partner;
  const std::size_t na = a.length, nb = b.length;
  std::uint64_t violations = fill_reached<W>(b, partner_reg, s0, a, reached);

  const LoggedRead *av = a.log.row(anchor_reg, 0) + s0;
  const std::size_t astep = a.log.copies;
  const UnsignedLanes base = UnsignedLanes{} + static_cast<LoggedRead>(b.base);
  const UnsignedLanes window = UnsignedLanes{} + static_cast<std::uint32_t>(nb);
  const Lanes top = Lanes{} + (static_cast<std::int32_t>(nb) - 1);
  Lanes last = Lanes{} - 1, below{}, positive{}, violated{};
  std::size_t first = SIZE_MAX; // ai * W + s of the earliest pair
  for (std::size_t ai = 0; ai < na; ++ai) {
    prefetch(av + std::min(ai + ahead, na - 1) * astep);
    const LoggedRead *now = av + ai * astep;
    const UnsignedLanes read = load_lanes(now) - base, was = load_lanes(ai ? now - astep : now) - base;
    const Lanes inside = read <= window;
    violated -= ~inside | ((was <= window) & (read < was)); // a true lane is -1
    const Lanes v = inside ? Lanes(read) : Lanes(window); // the anchor saw the partner's first v
    Lanes lo = last + 1, hi = top;
    if constexpr (AnchorSeen)
      hi = hi < v - 1 ? hi : v - 1;
    else
      lo = lo > v ? lo : v;
    below += Lanes(load_lanes(reached + ai * W));
    if constexpr (PartnerSeen)
      lo = lo > below ? lo : below;
    else
      hi = hi < below - 1 ? hi : below - 1;
    const Lanes fits = lo <= hi;
    positive -= fits;
    last = fits ? lo : last;
    if (first == SIZE_MAX && (fits[0] | fits[1] | fits[2] | fits[3]))
      for (std::size_t s = 0; s < W && first == SIZE_MAX; ++s)
        if (fits[s])
          first = ai * W + s;
  }

  for (std::size_t s = 0; s < W; ++s) {
    violations += static_cast<std::uint64_t>(violated[s]);
    c.positive += static_cast<std::uint64_t>(positive[s]);
  }
  c.coherence_violations += violations;
  if (first != SIZE_MAX && first / W < c.first_positive_anchor) {
    c.first_positive_anchor = first / W;
    c.first_copy = s0 + first % W;
  }
}

} // namespace

ChunkCounter::ChunkCounter(const PerpetualPlan &plan, std::size_t max_length)
    : plan_(plan), max_length_(max_length),
      reached_(std::max<std::size_t>(plan.partner.size(), 4) * (max_length + 1)) {}

ChunkCount ChunkCounter::count(const ChunkLogs &logs, std::size_t begin, std::size_t end) {
  if (logs.anchor.length > max_length_)
    throw std::logic_error("perpetual count: chunk longer than the counter was sized for");
  ChunkCount c;
  std::size_t s = begin;
  if (plan_.possible && plan_.anchor.size() == 1 && plan_.partner.size() == 1) {
    const bool as = plan_.anchor[0].seen, ps = plan_.partner[0].seen;
    auto *four = as ? (ps ? count_four<true, true> : count_four<true, false>)
                    : (ps ? count_four<false, true> : count_four<false, false>);
    for (; s + 4 <= end; s += 4)
      four(logs, plan_.anchor[0].reg, plan_.partner[0].reg, s, reached_.data(), c);
  }
  for (; s < end; ++s)
    count_copy(logs, s, c);
  return c;
}

void ChunkCounter::count_copy(const ChunkLogs &logs, std::size_t s, ChunkCount &c) {
  const ThreadChunk &a = logs.anchor, &b = logs.partner;
  const std::size_t na = a.length, nb = b.length, rows = na + 1;
  const std::size_t nq = plan_.partner.size(), nk = plan_.anchor.size();

  // reached[q][d]: partner iterations whose read of constraint q's location
  // was the anchor's d-th iteration (0: none of this chunk's). Partner
  // iterations that had not reached anchor ai when they read are then
  // reached[q][0] + ... + reached[q][ai].
  for (std::size_t q = 0; q < nq; ++q)
    c.coherence_violations += fill_reached<1>(b, plan_.partner[q].reg, s, a, reached_.data() + q * rows);

  std::array<const LoggedRead *, max_perpetual_registers> read{};
  std::array<CoherenceCheck, max_perpetual_registers> checks;
  checks.fill(CoherenceCheck(nb));
  for (std::size_t k = 0; k < nk; ++k)
    read[k] = a.log.row(plan_.anchor[k].reg, 0) + s;
  const std::size_t step = a.log.copies;
  CopyResult r;

  if (!plan_.possible || na == 0 || nb == 0) {
    for (std::size_t k = 0; k < nk; ++k)
      for (std::size_t ai = 0; ai < na; ++ai)
        checks[k](place(read[k][ai * step], b.base));
  } else {
    std::array<std::int64_t, max_perpetual_registers> below{};
    const std::int64_t top = static_cast<std::int64_t>(nb) - 1;
    std::int64_t last = -1;
    for (std::size_t ai = 0; ai < na; ++ai) {
      std::int64_t lo = last + 1, hi = top;
      for (std::size_t k = 0; k < nk; ++k) {
        const std::int64_t v = checks[k](place(read[k][ai * step], b.base)); // the anchor saw the partner's first v
        if (plan_.anchor[k].seen)
          hi = std::min(hi, v - 1);
        else
          lo = std::max(lo, v);
      }
      for (std::size_t q = 0; q < nq; ++q) {
        below[q] += reached_[q * rows + ai];
        if (plan_.partner[q].seen)
          lo = std::max(lo, below[q]);
        else
          hi = std::min(hi, below[q] - 1);
      }
      const bool fits = lo <= hi;
      r.positive += fits;
      last = fits ? lo : last;
      r.first = fits && r.first == SIZE_MAX ? ai : r.first;
    }
  }

  for (std::size_t k = 0; k < nk; ++k)
    c.coherence_violations += checks[k].violations;
  c.positive += r.positive;
  if (r.first < c.first_positive_anchor) {
    c.first_positive_anchor = r.first;
    c.first_copy = s;
  }
}

ChunkCount count_chunk(const PerpetualPlan &plan, const ChunkLogs &logs) {
  ChunkCounter counter(plan, logs.anchor.length);
  return counter.count(logs, 0, logs.anchor.log.copies);
}

} // namespace fencelab::hardware
