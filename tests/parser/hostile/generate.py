#!/usr/bin/env python3
"""Writes the hostile litmus files of tests/parser/hostile into a directory.

Each case is one file whose text fencelab must refuse with a one-line
`file:line:col` error (exit 2) in bounded time and memory; EXPECTED gives the
position and the words the error must hold, derived from how the file is
built (not from fencelab's output).
"""
import os
import sys

HEADER = "C hostile\n{}\n"


def ten_megabytes():
    # A well-formed test that is simply too big: one thread of stores.
    line = "  WRITE_ONCE(*x, 1);\n"
    count = 10 * 1024 * 1024 // len(line) + 1
    return HEADER + "P0(int *x) {\n" + line * count + "}\nexists (x=1)\n"


def many_threads(n):
    return HEADER + "".join(f"P{i}(int *x) {{ WRITE_ONCE(*x, 1); }}\n" for i in range(n)) + "exists (x=1)\n"


def many_locations(n):
    return "C hostile\n{ " + "".join(f"x{i}=0; " for i in range(n)) + "}\nP0(int *x0) { WRITE_ONCE(*x0, 1); }\nexists (x0=1)\n"


def deep_ifs(depth):
    body = "  r0 = READ_ONCE(*x);\n" + "if (r0 == 0) " * depth + "WRITE_ONCE(*x, 2);\n"
    return HEADER + "P0(int *x) {\n" + body + "}\nexists (x=2)\n"


def with_body(line):
    # The body's line is line 4.
    return HEADER + "P0(int *x) {\n" + line + "\n}\nexists (x=1)\n"


# name -> (bytes, expected line, expected column or None, words the message holds)
def cases():
    threads_limit = 1024  # parse_limits.hpp: the first thread past the limit
    locations_limit = 1024
    big = ten_megabytes()
    four_mib = 4 * 1024 * 1024
    big_line = big[:four_mib].count("\n") + 1
    big_col = four_mib - big[:four_mib].rfind("\n")
    return {
        "ten-megabytes": (big.encode(), big_line, big_col, "4 MiB"),
        "1e5-threads": (many_threads(10**5).encode(), 3 + threads_limit, 1, "threads"),
        # `{ ` then x0..x9 (6 bytes each), x10..x99 (7), x100..x999 (8), x1000.. (9)
        "1e4-locations": (many_locations(10**4).encode(), 2, 3 + 6 * 10 + 7 * 90 + 8 * 900 + 9 * (locations_limit - 1000),
                          "locations"),
        "if-nesting-1e4": (deep_ifs(10**4).encode(), 5, None, "nesting"),
        "constant-past-64-bits": (with_body("  WRITE_ONCE(*x, 18446744073709551616);").encode(), 4, 18, "out of range"),
        "init-past-64-bits": (b"C hostile\n{ x=-99999999999999999999; }\nP0(int *x) { WRITE_ONCE(*x, 1); }\nexists (x=1)\n",
                              2, 6, "out of range"),
        "condition-past-64-bits": (b"C hostile\n{}\nP0(int *x) { WRITE_ONCE(*x, 1); }\nexists (x=0x10000000000000000)\n",
                                   4, 11, "out of range"),
        "nul-byte": (with_body("  WRITE_ONCE(*x,\0 1);").encode(), 4, 17, "0x00"),
        "invalid-utf8": (with_body("  WRITE_ONCE(*x, 1);\xff\xfe").encode("latin-1"), 4, 21, "0xff"),
        "invalid-utf8-name": (b"C hostile\xc3\x28\n{}\nP0(int *x) { WRITE_ONCE(*x, 1); }\nexists (x=1)\n", 1, 10, "0xc3"),
        "missing-exists": (b"C hostile\n{}\nP0(int *x) { WRITE_ONCE(*x, 1); }\n", 4, 1, "final condition"),
        "duplicate-thread": (b"C hostile\n{}\nP0(int *x) { WRITE_ONCE(*x, 1); }\nP0(int *x) { WRITE_ONCE(*x, 2); }\n"
                             b"exists (x=1)\n", 4, 1, "P1"),
        "unknown-thread-register": (b"C hostile\n{}\nP0(int *x) { r0 = READ_ONCE(*x); }\nexists (1:r0=1)\n",
                                    4, 9, "no thread P1"),
    }


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    for name, (data, *_rest) in cases().items():
        with open(os.path.join(out, name + ".litmus"), "wb") as f:
            f.write(data)


if __name__ == "__main__":
    main()
