#pragma once
// C type words, as they appear in the initial state, thread parameters and
// register declarations. fencelab's locations and registers are plain
// integers, so every integer spelling is accepted and anything else (atomics,
// locks, structs) is an unsupported construct.
#include "parse_context.hpp"

#include <string_view>

namespace fencelab {

enum class TypeWord { none, integer, unsupported };

TypeWord type_word(std::string_view word);

// Consumes a run of type words (`volatile int`, `intptr_t`); throws on an
// unsupported one. False if there was none.
bool parse_type_words(ParseContext &ctx);

} // namespace fencelab
