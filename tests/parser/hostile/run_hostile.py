#!/usr/bin/env python3
"""The hostile-file test: every file of generate.py, and a directory of
entries that cannot be read as files, through `fencelab check`.

Each run gets 1 GiB of address space (RLIMIT_AS, what `ulimit -v` sets; 1 GiB
resident under AddressSanitizer, which cannot start under RLIMIT_AS) and
30 s; it must end with exit 2 and a one-line `file:line:col: message` on
stderr, at the position generate.py derived. usage: run_hostile.py FENCELAB WORKDIR
"""
import os
import re
import resource
import shutil
import stat
import subprocess
import sys

import generate

MEMORY = 1 << 30
SECONDS = 30
failures = []


# AddressSanitizer reserves terabytes of shadow address space, so an ASan
# build cannot start under RLIMIT_AS: there the bound is ASan's own resident
# limit (rss_limit_mb), set by CMake through FENCELAB_HOSTILE_ASAN.
UNDER_ASAN = os.environ.get("FENCELAB_HOSTILE_ASAN") == "1"
if UNDER_ASAN:
    os.environ["ASAN_OPTIONS"] = ":".join(
        o for o in [os.environ.get("ASAN_OPTIONS", ""), f"rss_limit_mb={MEMORY >> 20}"] if o)


def limited():
    if not UNDER_ASAN:
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))


def run(argv, user=None):
    prefix = []
    if user is not None:
        prefix = ["setpriv", f"--reuid={user}", f"--regid={user}", "--clear-groups", "--"]
    try:
        p = subprocess.run(prefix + argv, capture_output=True, timeout=SECONDS, preexec_fn=limited)
    except subprocess.TimeoutExpired:
        return None, "", f"timed out after {SECONDS} s"
    return p.returncode, p.stdout.decode(errors="replace"), p.stderr.decode(errors="replace")


def fail(case, why):
    failures.append(case)
    print(f"FAIL {case}: {why}")


def check_file(fencelab, path, line, column, words):
    case = os.path.basename(path)
    code, out, err = run([fencelab, "check", path])
    lines = err.splitlines()
    if code != 2:
        return fail(case, f"exit {code}, stderr: {err[:300]!r}")
    if len(lines) != 1:
        return fail(case, f"{len(lines)} lines on stderr: {err[:300]!r}")
    position = f"{line}:{column}:" if column is not None else f"{line}:"
    if not lines[0].startswith(f"fencelab: error: {path}:{position}"):
        return fail(case, f"expected {path}:{position} ..., got {lines[0][:300]!r}")
    if words not in lines[0]:
        return fail(case, f"message lacks {words!r}: {lines[0][:300]!r}")
    print(f"ok   {case}: {lines[0][len('fencelab: error: '):][:160]}")


def make_bad_dir(root):
    """A symlink loop, a directory loop, a FIFO and an unreadable file, each named *.litmus."""
    bad = os.path.join(root, "bad-dir")
    shutil.rmtree(bad, ignore_errors=True)
    os.makedirs(bad)
    os.symlink("loop.litmus", os.path.join(bad, "loop.litmus"))
    os.symlink(".", os.path.join(bad, "again"))  # recursion must not follow it
    os.mkfifo(os.path.join(bad, "fifo.litmus"))
    unreadable = os.path.join(bad, "unreadable.litmus")
    with open(unreadable, "w") as f:
        f.write("C unreadable\n{}\nP0(int *x) { WRITE_ONCE(*x, 1); }\nexists (x=1)\n")
    os.chmod(unreadable, 0)
    os.chmod(bad, 0o755)
    return bad


def check_dir(fencelab, root):
    bad = make_bad_dir(root)
    # chmod 000 does not stop root (CAP_DAC_OVERRIDE): then the unreadable
    # case runs as nobody, which it does stop.
    user = None
    if os.geteuid() == 0:
        if shutil.which("setpriv") is None:
            return fail("bad-dir", "running as root without setpriv: cannot make a file unreadable")
        user = 65534
        print("note running as root: chmod 000 does not stop root, so `check` runs as uid 65534 here")
    entries = {"loop.litmus": "symbolic links", "fifo.litmus": "not a regular file", "unreadable.litmus": "ermission"}
    code, out, err = run([fencelab, "check", bad], user)
    lines = err.splitlines()
    if code != 2:
        return fail("bad-dir", f"exit {code}, stderr: {err[:400]!r}")
    for name, words in entries.items():
        path = os.path.join(bad, name)
        mine = [l for l in lines if l.startswith(f"fencelab: error: {path}: ")]
        if len(mine) != 1 or words not in mine[0]:
            fail(f"bad-dir/{name}", f"expected one line '{path}: ...{words}...', stderr: {err[:400]!r}")
        else:
            print(f"ok   bad-dir/{name}: {mine[0][len('fencelab: error: '):]}")
        # Named alone, each is refused the same way (a FIFO opened for reading would block).
        code1, _, err1 = run([fencelab, "check", path], user)
        if code1 != 2 or len(err1.splitlines()) != 1 or words not in err1:
            fail(f"{name} alone", f"exit {code1}, stderr: {err1[:300]!r}")


def main():
    fencelab, work = sys.argv[1], os.path.abspath(sys.argv[2])
    files = os.path.join(work, "files")
    os.makedirs(files, exist_ok=True)
    os.chmod(work, 0o755)
    for name, (data, line, column, words) in generate.cases().items():
        path = os.path.join(files, name + ".litmus")
        with open(path, "wb") as f:
            f.write(data)
        check_file(fencelab, path, line, column, words)
    check_dir(fencelab, work)
    print(f"{len(failures)} failures" if failures else "all hostile inputs refused cleanly")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
