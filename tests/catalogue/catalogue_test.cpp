// The shipped catalogue of classic shapes (litmus/catalogue/*.litmus): each
// file parses, is named after its `C` line, states an expectation and a
// one-line description, and has exactly the fences its herd-style name
// promises. Across files: names are unique, every shape has its unfenced and
// fully fenced variants, verdicts never weaken as fences get stronger, and a
// file named like a built-in family test is that test.
#include "family.hpp"
#include "litmus_files.hpp"
#include "litmus_parser.hpp"
#include "parse_error.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace fencelab {
namespace {

namespace fs = std::filesystem;

// Inside gtest fixtures `Test` is testing::Test.
using LitmusTest = fencelab::Test;

const fs::path catalogue_dir{FENCELAB_CATALOGUE};

std::vector<fs::path> catalogue_files() {
  if (!fs::is_directory(catalogue_dir))
    return {};
  return find_litmus_files(catalogue_dir);
}

std::string read_text(const fs::path &path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// What a name's shape says about a test. Names are SHAPE+<fence>+<fence>...,
// one token per thread that has two accesses, in thread order (herd's
// convention: WRC and IRIW name only P1/P2 and P1/P3). A token is a FenceKind
// name, or `release`/`acquire` for a thread that uses smp_store_release /
// smp_load_acquire instead of a fence.
struct ShapeInfo {
  std::string_view shape;
  int threads;
  std::vector<int> named_threads; // which thread each name token describes
  int locations;
  bool relacy_blind; // Relacy cannot produce the shape's weak outcome at all
};

const std::vector<ShapeInfo> &shapes() {
  static const std::vector<ShapeInfo> table{
      {"SB", 2, {0, 1}, 2, false},         {"MP", 2, {0, 1}, 2, false},
      {"LB", 2, {0, 1}, 2, true},          {"R", 2, {0, 1}, 2, false},
      {"S", 2, {0, 1}, 2, true},           {"2+2W", 2, {0, 1}, 2, true},
      {"WRC", 3, {1, 2}, 2, false},        {"IRIW", 4, {1, 3}, 2, false},
      {"ISA2", 3, {0, 1, 2}, 3, false},    {"CoRR", 2, {}, 1, false},
      {"CoRR2", 4, {}, 1, false},          {"CoWR", 2, {}, 1, false},
      {"CoRW", 2, {}, 1, false},           {"CoWW", 2, {}, 1, false},
  };
  return table;
}

struct Name {
  const ShapeInfo *shape = nullptr;
  std::vector<std::string> tokens;
};

std::vector<std::string> split_plus(std::string_view text) {
  std::vector<std::string> parts;
  std::size_t begin = 0;
  for (;;) {
    auto plus = text.find('+', begin);
    parts.emplace_back(text.substr(begin, plus == std::string_view::npos ? std::string_view::npos : plus - begin));
    if (plus == std::string_view::npos)
      return parts;
    begin = plus + 1;
  }
}

std::optional<Name> parse_name(std::string_view name) {
  for (const auto &info : shapes()) {
    if (name == info.shape)
      return Name{&info, {}};
    if (name.size() > info.shape.size() && name.starts_with(info.shape) && name[info.shape.size()] == '+')
      return Name{&info, split_plus(name.substr(info.shape.size() + 1))};
  }
  return std::nullopt;
}

bool is_fence_token(const std::string &token) {
  auto kind = parse_enum<FenceKind>(token);
  return kind && *kind != FenceKind::none;
}

std::vector<FenceKind> fences_of(const ThreadCode &thread) {
  std::vector<FenceKind> fences;
  for (const Op &op : thread.ops)
    if (op.kind == OpKind::fence)
      fences.push_back(op.fence);
  return fences;
}

bool has_op(const ThreadCode &thread, OpKind kind) {
  return std::any_of(thread.ops.begin(), thread.ops.end(), [&](const Op &op) { return op.kind == kind; });
}

// A catalogue file, parsed once.
struct Entry {
  fs::path path;
  std::string text;
  std::optional<LitmusTest> test;
  std::string error; // the ParseError, when the file does not parse
};

const std::vector<Entry> &entries() {
  static const std::vector<Entry> all = [] {
    std::vector<Entry> out;
    for (const auto &path : catalogue_files()) {
      Entry e{path, read_text(path), std::nullopt, ""};
      try {
        e.test = parse_litmus_file(path);
      } catch (const ParseError &error) {
        e.error = error.what();
      }
      out.push_back(std::move(e));
    }
    return out;
  }();
  return all;
}

const Entry *entry_named(std::string_view name) {
  for (const auto &e : entries())
    if (e.test && e.test->name == name)
      return &e;
  return nullptr;
}

// ---------------------------------------------------------------- the whole catalogue

TEST(Catalogue, HoldsTheClassicShapes) {
  ASSERT_TRUE(fs::is_directory(catalogue_dir)) << catalogue_dir;
  EXPECT_GE(entries().size(), 40u);
  for (const auto &info : shapes()) {
    bool found = std::any_of(entries().begin(), entries().end(), [&](const Entry &e) {
      auto name = parse_name(e.path.stem().string());
      return name && name->shape == &info;
    });
    EXPECT_TRUE(found) << "no catalogue file for shape " << info.shape;
  }
}

TEST(Catalogue, NamesAreUnique) {
  std::map<std::string, fs::path> seen;
  for (const auto &e : entries()) {
    if (!e.test)
      continue;
    auto [it, inserted] = seen.emplace(e.test->name, e.path);
    EXPECT_TRUE(inserted) << e.test->name << " in both " << it->second << " and " << e.path;
  }
}

// The unfenced variant (compiler barriers in every named thread) is allowed,
// the fully smp_mb-fenced one forbidden; coherence shapes forbid without fences.
TEST(Catalogue, EveryShapeHasItsUnfencedAndFullyFencedVariants) {
  for (const auto &info : shapes()) {
    SCOPED_TRACE(std::string(info.shape));
    if (info.named_threads.empty()) {
      const Entry *e = entry_named(info.shape);
      ASSERT_NE(e, nullptr);
      ASSERT_TRUE(e->test->expectation.has_value());
      EXPECT_EQ(e->test->expectation->result, Observation::never);
      continue;
    }
    std::string unfenced(info.shape), fenced(info.shape);
    for (std::size_t i = 0; i < info.named_threads.size(); ++i) {
      unfenced += "+barrier";
      fenced += "+smp_mb";
    }
    const Entry *weak = entry_named(unfenced);
    const Entry *strong = entry_named(fenced);
    ASSERT_NE(weak, nullptr) << unfenced;
    ASSERT_NE(strong, nullptr) << fenced;
    ASSERT_TRUE(weak->test->expectation && strong->test->expectation);
    EXPECT_EQ(weak->test->expectation->result, Observation::sometimes) << unfenced;
    EXPECT_EQ(strong->test->expectation->result, Observation::never) << fenced;
  }
}

// In the model a stronger fence only removes outcomes: barrier (nothing) is
// below smp_wmb (release fence) and smp_rmb (acquire fence), which are below
// smp_mb (seq_cst fence), which is below membarrier (seq_cst fences in the
// caller and one in every other thread). So if a test is forbidden, every
// test of the same shape with pointwise stronger fences is forbidden too.
int strength(const std::string &token) {
  if (token == "barrier")
    return 0;
  if (token == "smp_wmb" || token == "smp_rmb")
    return 1;
  if (token == "smp_mb" || token == "mfence")
    return 2;
  if (token == "membarrier")
    return 3;
  return -1; // release/acquire: not comparable here
}

bool at_least_as_strong(const std::string &a, const std::string &b) {
  if (a == b)
    return true;
  int sa = strength(a), sb = strength(b);
  if (sa < 0 || sb < 0 || sa < sb)
    return false;
  if (sa == 1 && sb == 1)
    return false; // smp_wmb and smp_rmb are not comparable
  return true;
}

TEST(Catalogue, StrongerFencesNeverTurnNeverIntoSometimes) {
  for (const auto &weak : entries())
    for (const auto &strong : entries()) {
      if (!weak.test || !strong.test || &weak == &strong || !weak.test->expectation || !strong.test->expectation)
        continue;
      auto wn = parse_name(weak.test->name), sn = parse_name(strong.test->name);
      if (!wn || !sn || wn->shape != sn->shape || wn->tokens.size() != sn->tokens.size())
        continue;
      bool stronger = true;
      for (std::size_t i = 0; i < wn->tokens.size(); ++i)
        stronger = stronger && at_least_as_strong(sn->tokens[i], wn->tokens[i]);
      if (stronger && weak.test->expectation->result == Observation::never) {
        EXPECT_EQ(strong.test->expectation->result, Observation::never)
            << strong.test->name << " has stronger fences than " << weak.test->name << ", which is Never";
      }
    }
}

// ---------------------------------------------------------------- one file at a time

class CatalogueFile : public ::testing::TestWithParam<std::size_t> {
protected:
  const Entry &entry() const { return entries()[GetParam()]; }
  // Fails the test (and returns null) when the file did not parse.
  const LitmusTest *test() const {
    if (!entry().test)
      ADD_FAILURE() << entry().error;
    return entry().test ? &*entry().test : nullptr;
  }
};

TEST_P(CatalogueFile, Parses) { EXPECT_TRUE(entry().test.has_value()) << entry().error; }

TEST_P(CatalogueFile, IsNamedAfterItsFile) {
  if (const LitmusTest *t = test()) {
    EXPECT_EQ(t->name, entry().path.stem().string());
  }
}

TEST_P(CatalogueFile, HasAnExpectationAndAOneLineDescription) {
  const LitmusTest *t = test();
  if (!t)
    return;
  ASSERT_TRUE(t->expectation.has_value()) << "no (* Result: Never|Sometimes|Always *) line";
  EXPECT_NE(t->expectation->result, Observation::always) << "weak outcomes are never required";
  EXPECT_FALSE(t->description.empty()) << "no \"doc string\" after the C line";
  EXPECT_EQ(t->description.find('\n'), std::string::npos);
}

TEST_P(CatalogueFile, IsWellFormed) {
  const LitmusTest *t = test();
  if (!t)
    return;
  const int locations = static_cast<int>(t->locations.size());
  for (const auto &thread : t->threads)
    for (const Op &op : thread.ops) {
      if (op.kind == OpKind::fence) {
        EXPECT_NE(op.fence, FenceKind::none);
        continue;
      }
      EXPECT_TRUE(op.kind != OpKind::jump && op.kind != OpKind::jump_unless) << "the classic shapes have no `if`";
      EXPECT_TRUE(op.loc >= 0 && op.loc < locations);
      if (op.kind == OpKind::load || op.kind == OpKind::load_acquire) {
        EXPECT_TRUE(op.reg >= 0 && op.reg < static_cast<int>(thread.registers.size()));
      }
    }
  EXPECT_EQ(t->condition.quantifier, Quantifier::exists);
  EXPECT_EQ(t->condition.filter.kind, Prop::Kind::truth);
}

TEST_P(CatalogueFile, HasTheThreadsLocationsAndFencesItsNamePromises) {
  const LitmusTest *t = test();
  if (!t)
    return;
  auto name = parse_name(t->name);
  ASSERT_TRUE(name.has_value()) << "'" << t->name << "' is not SHAPE+fence+... for a known shape";
  const ShapeInfo &info = *name->shape;
  ASSERT_EQ(static_cast<int>(t->threads.size()), info.threads);
  EXPECT_EQ(static_cast<int>(t->locations.size()), info.locations);
  ASSERT_EQ(name->tokens.size(), info.named_threads.size()) << "one name token per thread with two accesses";
  for (int i = 0; i < info.threads; ++i) {
    SCOPED_TRACE("P" + std::to_string(i));
    const ThreadCode &thread = t->threads[static_cast<std::size_t>(i)];
    auto named = std::find(info.named_threads.begin(), info.named_threads.end(), i);
    std::string token =
        named == info.named_threads.end() ? "" : name->tokens[static_cast<std::size_t>(named - info.named_threads.begin())];
    if (is_fence_token(token)) {
      EXPECT_EQ(fences_of(thread), std::vector<FenceKind>{*parse_enum<FenceKind>(token)});
      EXPECT_FALSE(has_op(thread, OpKind::store_release) || has_op(thread, OpKind::load_acquire));
    } else if (token == "release") {
      EXPECT_TRUE(fences_of(thread).empty());
      EXPECT_TRUE(has_op(thread, OpKind::store_release));
      EXPECT_FALSE(has_op(thread, OpKind::load_acquire));
    } else if (token == "acquire") {
      EXPECT_TRUE(fences_of(thread).empty());
      EXPECT_TRUE(has_op(thread, OpKind::load_acquire));
      EXPECT_FALSE(has_op(thread, OpKind::store_release));
    } else {
      EXPECT_EQ(token, "") << "unknown name token";
      EXPECT_TRUE(fences_of(thread).empty()) << "a thread the name does not describe has no fence";
      EXPECT_FALSE(has_op(thread, OpKind::store_release) || has_op(thread, OpKind::load_acquire));
    }
  }
}

// The same promise read the other way round: a fence kind appears in the name
// exactly when the test uses it (e.g. every `membarrier` test calls it).
TEST_P(CatalogueFile, NameMentionsExactlyTheFencesItUses) {
  const LitmusTest *t = test();
  if (!t)
    return;
  auto name = parse_name(t->name);
  ASSERT_TRUE(name.has_value());
  for (const auto &entry : enum_names(FenceKind{})) {
    if (entry.value == FenceKind::none)
      continue;
    bool named = std::find(name->tokens.begin(), name->tokens.end(), std::string(entry.name)) != name->tokens.end();
    EXPECT_EQ(named, t->uses_fence(entry.value)) << entry.name;
  }
}

// Relacy cannot produce LB, S or 2+2W weak outcomes (no load buffering;
// stores reach modification order in execution order). Such a file says so:
// `Model-limited:` when the outcome is allowed (Relacy will not find it), and
// `Model-vacuous:` when it is forbidden (Relacy's Never proves nothing about
// the fences). Other shapes carry neither note.
TEST_P(CatalogueFile, NotesWhereRelacyCannotDecideTheVerdict) {
  const LitmusTest *t = test();
  if (!t || !t->expectation)
    return;
  auto name = parse_name(t->name);
  ASSERT_TRUE(name.has_value());
  const bool limited = entry().text.find("(* Model-limited:") != std::string::npos;
  const bool vacuous = entry().text.find("(* Model-vacuous:") != std::string::npos;
  const bool never = t->expectation->result == Observation::never;
  EXPECT_EQ(limited, name->shape->relacy_blind && !never);
  EXPECT_EQ(vacuous, name->shape->relacy_blind && never);
}

// A catalogue file named like a built-in family test (SB/MP with barrier,
// smp_mb, membarrier) must be that test, with the same expected verdict.
TEST_P(CatalogueFile, AgreesWithTheBuiltInFamilyTestOfTheSameName) {
  const LitmusTest *t = test();
  if (!t)
    return;
  auto family = find_family_test(t->name);
  if (!family)
    return;
  ASSERT_EQ(t->locations.size(), family->locations.size());
  for (std::size_t i = 0; i < t->locations.size(); ++i) {
    EXPECT_EQ(t->locations[i].name, family->locations[i].name);
    EXPECT_EQ(t->locations[i].init, family->locations[i].init);
  }
  ASSERT_EQ(t->threads.size(), family->threads.size());
  for (std::size_t i = 0; i < t->threads.size(); ++i) {
    EXPECT_EQ(t->threads[i].ops, family->threads[i].ops) << "P" << i;
    EXPECT_EQ(t->threads[i].registers, family->threads[i].registers) << "P" << i;
  }
  EXPECT_EQ(t->observed_locations, family->observed_locations);
  EXPECT_EQ(t->condition.quantifier, family->condition.quantifier);
  ASSERT_EQ(t->outcome_size(), family->outcome_size());
  // Same proposition: equal on every outcome over {0, 1}.
  const int size = t->outcome_size();
  for (int bits = 0; bits < (1 << size); ++bits) {
    Outcome o;
    for (int slot = 0; slot < size; ++slot)
      o.push_back((bits >> slot) & 1);
    EXPECT_EQ(t->condition.prop.holds(o), family->condition.prop.holds(o)) << "outcome bits " << bits;
  }
  ASSERT_TRUE(t->expectation && family->expectation);
  EXPECT_EQ(t->expectation->result, family->expectation->result);
}

std::vector<std::size_t> entry_indices() {
  std::vector<std::size_t> indices(entries().size());
  for (std::size_t i = 0; i < indices.size(); ++i)
    indices[i] = i;
  return indices;
}

// gtest names allow only letters, digits and '_': SB+smp_mb+smp_mb -> SB_smp_mb_smp_mb.
std::string param_name(const ::testing::TestParamInfo<std::size_t> &info) {
  std::string name = entries()[info.param].path.stem().string();
  for (char &c : name)
    if (!std::isalnum(static_cast<unsigned char>(c)))
      c = '_';
  return name;
}

INSTANTIATE_TEST_SUITE_P(Catalogue, CatalogueFile, ::testing::ValuesIn(entry_indices()), param_name);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(CatalogueFile);

} // namespace
} // namespace fencelab
