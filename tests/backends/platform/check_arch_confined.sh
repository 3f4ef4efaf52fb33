#!/usr/bin/env bash
# Only the fence layer (backends/platform/fences.hpp and arch/) may know which
# architecture it runs on. Everywhere else in the sources (framework/,
# backends/, tests/, CMake files) this fails on:
#   - architecture macros (__x86_64__, __aarch64__, __riscv, __powerpc64__, ...),
#   - inline assembly and intrinsic headers (instructions belong in arch/),
#   - architecture names, in code or comments (x86, aarch64, arm64, riscv, ppc, ...).
# tests/backends/platform/ tests the fence layer itself and is exempt, as are the few
# lines listed in `allowed` below with their reason.
# Usage: check_arch_confined.sh [SOURCE_DIR]   (exit 0 clean, 1 offenders found)
set -euo pipefail
root=${1:-$(cd "$(dirname "$0")/../../.." && pwd)}
cd "$root"

macros='__(x86_64|amd64|i[3-6]86|aarch64|arm|ARM_ARCH[A-Za-z0-9_]*|riscv[A-Za-z0-9_]*|powerpc[A-Za-z0-9_]*|PPC[A-Za-z0-9_]*|ppc[A-Za-z0-9_]*|s390x?|mips[A-Za-z0-9_]*|loongarch[A-Za-z0-9_]*)__?|\b_M_(X64|AMD64|IX86|ARM|ARM64)\b|\b__riscv\b'
instructions='\b(asm|__asm__|__asm)\b|(immintrin|x86intrin|emmintrin|xmmintrin|cpuid|arm_neon|arm_acle|altivec)\.h|sys/platform/ppc\.h|__builtin_(ia32|aarch64|arm|ppc|riscv)_|\b(__rdtsc|_mm_[a-z_]+)\b'
names='\b(x86|x86_64|x86-64|amd64|i386|aarch64|arm64|armv[0-9]+|riscv|riscv64|risc-v|ppc|ppc64|ppc64le|powerpc|powerpc64|powerpc64le)\b'

# file:line-text fragments allowed, each with why.
allowed=(
  # herd litmus files start with their architecture; the parser rejects all but C.
  'tests/parser/parse_errors_test.cpp:.*architecture X86'
)

mapfile -t files < <(git ls-files -co --exclude-standard -- framework backends tests cmake 'CMakeLists.txt' '*/CMakeLists.txt' 2>/dev/null ||
  find framework backends tests cmake -type f)
found=0
for f in "${files[@]}"; do
  case "$f" in
  backends/platform/fences.hpp | backends/platform/arch/* | tests/backends/platform/*) continue ;;
  *.cpp | *.hpp | *.h | *.cmake | *.in | CMakeLists.txt | */CMakeLists.txt) ;;
  *) continue ;;
  esac
  [ -f "$f" ] || continue
  while IFS= read -r hit; do
    ok=0
    for a in "${allowed[@]}"; do
      if [[ "$f:$hit" =~ $a ]]; then ok=1; fi
    done
    if [ $ok = 0 ]; then
      echo "$f:$hit"
      found=1
    fi
  done < <(grep -nE "$macros|$instructions" "$f"; grep -niE "$names" "$f" || true)
done
if [ $found = 1 ]; then
  echo "architecture named outside the fence layer (backends/platform/fences.hpp, arch/): move it there" >&2
  exit 1
fi
echo "architecture confined to the fence layer"
