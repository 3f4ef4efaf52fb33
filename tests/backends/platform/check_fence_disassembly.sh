#!/usr/bin/env bash
# Disassembles fence_probe.cpp's object (built for the target) and checks that
# each fence kind is the instruction the fence layer promises on that
# architecture, told by the object's own ELF header. The compiler barrier must
# emit no fence at all. Exit 0 all as intended, 1 a mismatch, 77 (skip) for an
# architecture with no expectations here (the generic fallback).
# Usage: check_fence_disassembly.sh OBJDUMP OBJECT
set -euo pipefail
objdump=$1
object=$2

# Every fence-like mnemonic of the architectures below: "barrier" must have none.
any_fence='^(lock|mfence|lfence|sfence|dmb|dsb|isb|fence|fence\.i|sync|hwsync|lwsync|eieio|isync)\b'

declare -A want
arch=$("$objdump" -f "$object" | sed -n 's/^architecture: \([^,]*\),.*/\1/p')
case "$arch" in
i386:x86-64)
  want=([smp_mb]='^lock addl? \$0x0,-0x4\(%rsp\)' [mfence]='^mfence$' [smp_wmb]='' [smp_rmb]=''
        [cpu_relax]='^pause$' [ticks]='^rdtsc$') ;;
aarch64)
  want=([smp_mb]='^dmb ish$' [mfence]='^dmb ish$' [smp_wmb]='^dmb ishst$' [smp_rmb]='^dmb ishld$'
        [cpu_relax]='^yield$' [ticks]='^mrs x[0-9]+, cntvct_el0$') ;;
riscv:rv64)
  want=([smp_mb]='^fence rw,rw$' [mfence]='^fence rw,rw$' [smp_wmb]='^fence w,w$' [smp_rmb]='^fence r,r$'
        [cpu_relax]='^(pause|fence w,0|\.4byte 0x100000f|\.word 0x0*100000f)$' [ticks]='^(rdtime|csrr [a-z0-9]+,time)\b') ;;
powerpc:common64)
  want=([smp_mb]='^(sync|hwsync)$' [mfence]='^(sync|hwsync)$' [smp_wmb]='^lwsync$' [smp_rmb]='^lwsync$'
        [cpu_relax]='^(or r?1,r?1,r?1|mr r?1,r?1)$' [ticks]='^(mftb|mfspr) ') ;;
*)
  echo "no expectations for architecture '$arch' (generic fallback): skipped"
  exit 77 ;;
esac

# One function's instructions, one per line, operands kept, tabs as spaces.
instructions() {
  "$objdump" -d --no-show-raw-insn "$object" |
    awk -v fn="<fencelab_probe_$1>:" '$2 == fn {on = 1; next} on && /^$/ {on = 0} on' |
    sed -E 's/^ *[0-9a-f]+:\s*//; s/\s+#.*$//; s/\s+<.*>$//; s/\s+/ /g; s/ $//'
}

# Every probe in the object (one per row of the fence layer) and every kind
# expected above: a probe with no expectation here fails, so a new fence kind
# cannot pass unchecked.
probes=$("$objdump" -t "$object" | sed -n 's/.*\sfencelab_probe_\([A-Za-z0-9_]*\)$/\1/p')
kinds=$(printf '%s\n' barrier "${!want[@]}" $probes | sort -u)

status=0
for kind in $kinds; do
  if [ "$kind" != barrier ] && [ -z "${want[$kind]+set}" ]; then
    echo "FAIL $arch $kind: fencelab_probe_$kind has no expectation in $(basename "$0")"
    status=1
    continue
  fi
  code=$(instructions "$kind")
  if [ -z "$code" ]; then
    echo "FAIL $kind: no function fencelab_probe_$kind in $object"
    status=1
    continue
  fi
  shown=$(echo "$code" | paste -sd ';' | sed 's/;/; /g')
  pattern=${want[$kind]-}
  if [ "$kind" = barrier ] || [ -z "$pattern" ]; then
    # A compiler-only barrier (and smp_wmb/smp_rmb on TSO): no fence instruction.
    if echo "$code" | grep -qE "$any_fence"; then
      echo "FAIL $arch $kind: expected no fence instruction, got: $shown"
      status=1
    else
      echo "ok   $arch $kind: no fence instruction ($shown)"
    fi
  elif echo "$code" | grep -qE "$pattern"; then
    echo "ok   $arch $kind: $(echo "$code" | grep -E "$pattern" | head -1)"
  else
    echo "FAIL $arch $kind: expected /$pattern/, got: $shown"
    status=1
  fi
done
exit $status
