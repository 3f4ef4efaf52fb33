#!/usr/bin/env python3
"""Runs fencelab's commands on a simulated kernel (no_syscall's seccomp filter,
or a one-CPU affinity mask) and checks what they say.

  run_under_filter.py --list                       the filter names (one ctest each)
  run_under_filter.py FILTER NO_SYSCALL FENCELAB WORKDIR

Expectations come from the filter and membarrier(2), never from fencelab's
output: a heavy barrier whose membarrier command (its registration, or QUERY
on which detection rests) fails is `unsupported` naming that command and the
errno, in `info` and in every cell that needs it; cells that do not need it
still run; no cell quietly uses another heavy barrier; exit codes as the
README says (0: every verdict holds, 2: bad input such as a refused --heavy).
"""
import json
import os
import re
import subprocess
import sys

ERRNOS = ["ENOSYS", "EPERM", "EINVAL"]
# membarrier command -> the heavy barriers (fencelab's names) that need it.
COMMANDS = {
    "QUERY": {"private-expedited", "global-expedited", "global"},
    "PRIVATE_EXPEDITED": {"private-expedited"},
    "REGISTER_PRIVATE_EXPEDITED": {"private-expedited"},
    "GLOBAL": {"global"},
    "GLOBAL_EXPEDITED": {"global-expedited"},
    "REGISTER_GLOBAL_EXPEDITED": {"global-expedited"},
}
HEAVIES = ["private-expedited", "global-expedited", "global", "mprotect"]
DEFAULT_HEAVY = "private-expedited"  # hardware_options.hpp
BUDGET = ["--budget", "0.02"]
SECONDS = 240


def filters():
    out = {}
    for cmd in COMMANDS:
        for err in ERRNOS:
            out[f"membarrier-{cmd}-{err}"] = ([f"--membarrier-cmd={cmd}:{err}"], cmd, err)
    out["affinity-EINVAL"] = (["--affinity=EINVAL"], None, "EINVAL")
    out["memfd-ENOSYS"] = (["--memfd=ENOSYS"], None, "ENOSYS")
    out["one-cpu"] = ([], None, None)
    return out


failures = []


def fail(what):
    failures.append(what)
    print("FAIL", what)


def run(prefix, fencelab, args):
    try:
        p = subprocess.run(prefix + [fencelab] + args, capture_output=True, timeout=SECONDS, text=True)
    except subprocess.TimeoutExpired:
        fail(f"{' '.join(args)}: timed out after {SECONDS} s")
        return None
    if p.returncode < 0 or p.returncode > 3:
        fail(f"{' '.join(args)}: killed or crashed (status {p.returncode}): {p.stderr[-400:]}")
        return None
    return p


def says_unsupported(text, cmd, err):
    """`unsupported: ...` naming membarrier command `cmd` and errno `err`."""
    return ("unsupported" in text and re.search(rf"\b(MEMBARRIER_CMD_)?{cmd}\b", text) is not None
            and re.search(rf"\b{err}\b", text) is not None)


def results_of(path):
    with open(path) as f:
        doc = json.load(f)
    return doc["tests"]


def uses_membarrier(name):
    return "membarrier" in name


def heavy_lines(info_out):
    """heavy barrier name -> its line in `fencelab info`."""
    lines = {}
    for line in info_out.splitlines():
        m = re.match(r"^\s+(private-expedited|global-expedited|global|mprotect)\s", line)
        if m:
            lines[m.group(1)] = line
    return lines


class Filter:
    def __init__(self, name, no_syscall, fencelab, work):
        args, self.cmd, self.err = filters()[name]
        self.name, self.fencelab, self.work = name, fencelab, work
        self.prefix = ["taskset", "-c", "0"] if name == "one-cpu" else [no_syscall] + args + ["--"]
        # What the filter takes away: a membarrier command's heavy barriers,
        # pinning (every hardware cell), or memfd (cells with a partner process).
        self.heavies = COMMANDS.get(self.cmd, set())
        self.call = {"affinity-EINVAL": "sched_setaffinity", "memfd-ENOSYS": "memfd_create"}.get(name)

    def reason_ok(self, text):
        if self.cmd:
            return says_unsupported(text, self.cmd, self.err)
        if self.call:
            return self.call in text and self.err in text
        return re.search(r"needs 2 CPUs", text) is not None and re.search(r"\b1\b", text) is not None

    def run(self, args, with_filter=True):
        return run(self.prefix if with_filter else [], self.fencelab, args)

    def json_path(self, command):
        return os.path.join(self.work, command + ".json")


def check_info(f):
    base = f.run(["info"], with_filter=False)
    p = f.run(["info"])
    if not base or not p:
        return
    if p.returncode != 0:
        return fail(f"info: exit {p.returncode}: {p.stderr[-300:]}")
    before, after = heavy_lines(base.stdout), heavy_lines(p.stdout)
    for heavy in HEAVIES:
        line = after.get(heavy, "")
        if heavy in f.heavies:
            if not f.reason_ok(line):
                fail(f"info: {heavy} should be unsupported naming {f.cmd} and {f.err}: {line.strip()!r}")
        elif ("available" in line) != ("available" in before.get(heavy, "")):
            fail(f"info: {heavy} changed though the filter does not touch it: {line.strip()!r}")
    for heavy in sorted(f.heavies):
        print(f"ok   info: {after.get(heavy, '').strip()}")
    # The same facts as a document: each affected barrier unavailable with the reason, the rest as without the filter.
    base, p = f.run(["info", "--json"], with_filter=False), f.run(["info", "--json"])
    if not base or not p:
        return
    try:
        before = {h["name"]: h for h in json.loads(base.stdout)["heavy_barriers"]}
        after = {h["name"]: h for h in json.loads(p.stdout)["heavy_barriers"]}
    except (ValueError, KeyError) as e:
        return fail(f"info --json: not a document with heavy_barriers: {e}: {p.stdout[:200]!r}")
    for heavy in HEAVIES:
        entry = after.get(heavy, {})
        if heavy in f.heavies:
            if entry.get("available") is not False or not f.reason_ok("unsupported: " + entry.get("unsupported", "")):
                fail(f"info --json: {heavy} should be unavailable naming {f.cmd} and {f.err}: {entry}")
        elif entry.get("available") != before.get(heavy, {}).get("available"):
            fail(f"info --json: {heavy} changed though the filter does not touch it: {entry}")


def cell_affected(f, result, heavy=DEFAULT_HEAVY, processes=False):
    if f.name == "one-cpu":
        return True  # every family test has two threads
    if f.call == "sched_setaffinity":
        return True  # every hardware cell pins its threads
    if f.call == "memfd_create":
        return processes
    return uses_membarrier(result["name"]) and heavy in f.heavies


def check_cells(f, command, results, text, exit_code, describe=lambda r: {}):
    """Each hardware cell: unsupported with the reason when affected, else run."""
    affected, before = 0, len(failures)
    for r in results:
        what = describe(r)
        label = f"{command}: {r['name']} {what}".strip()
        if cell_affected(f, r, **what):
            affected += 1
            why = r.get("unsupported", "")
            if "histogram" in r or not f.reason_ok("unsupported: " + why):
                fail(f"{label}: should be unsupported naming the missing call; got {why or 'a run'!r}")
            elif not any(r["name"] in line and "nsupported" in line for line in text.splitlines()):
                fail(f"{label}: the text report does not say it is unsupported")
        elif "histogram" not in r:
            fail(f"{label}: untouched by the filter but did not run: {r.get('unsupported') or r.get('failure')!r}")
    if exit_code != 0:
        fail(f"{command}: exit {exit_code} (0: every verdict holds, unsupported cells included)")
    if len(failures) == before:
        print(f"ok   {command}: {affected} of {len(results)} cells unsupported as expected, the rest ran")


def check_table(f):
    p = f.run(["table", "--shape", "sb", *BUDGET, "--controls", "false", "--backend", "hardware", "--json", f.json_path("table")])
    if p:
        check_cells(f, "table", results_of(f.json_path("table")), p.stdout, p.returncode)


def check_run(f):
    tests = ["SB+membarrier+barrier", "MP+barrier+membarrier", "SB+smp_mb+smp_mb"]
    p = f.run(["run", *tests, *BUDGET, "--backend", "hardware", "--json", f.json_path("run")])
    if p and f.name == "one-cpu":
        # Tests named on the command line that cannot fit are the user's error
        # (README: exit 2, one line), with the count; `table` and `scope` make
        # such cells unsupported instead.
        if p.returncode != 2 or len(p.stderr.splitlines()) != 1 or not f.reason_ok(p.stderr):
            fail(f"run: exit {p.returncode}, stderr {p.stderr[-300:]!r}")
        else:
            print(f"ok   run: exit 2, {p.stderr.strip()}")
    elif p:
        check_cells(f, "run", results_of(f.json_path("run")), p.stdout, p.returncode)
    # Asked for by name, a heavy barrier the kernel refuses is bad input (exit 2)
    # that names the reason; never a run with another barrier.
    for heavy in sorted(f.heavies):
        p = f.run(["run", "SB+membarrier+barrier", *BUDGET, "--backend", "hardware", "--heavy", heavy,
                   "--json", f.json_path("run-" + heavy)])
        if p and (p.returncode != 2 or len(p.stderr.splitlines()) != 1 or not f.reason_ok("unsupported " + p.stderr)):
            fail(f"run --heavy {heavy}: exit {p.returncode}, stderr {p.stderr[-300:]!r}")
        elif p:
            print(f"ok   run --heavy {heavy}: exit 2, {p.stderr.strip()}")


def check_check(f):
    # Model checking needs none of the missing calls: it must be unaffected.
    p = f.run(["check", "SB+membarrier+barrier", "MP+membarrier+membarrier", "SB+smp_mb+smp_mb"])
    if p and p.returncode != 0:
        fail(f"check: exit {p.returncode}: {p.stdout[-300:]} {p.stderr[-300:]}")
    elif p:
        print(f"ok   check: {p.stdout.strip().splitlines()[-1]}")


# `fencelab scope --shape sb`'s cells in order (cli/scope_cases.cpp): heavy
# barrier, partner in another process.
SCOPE_CELLS = [("private-expedited", False), ("private-expedited", True), ("global-expedited", False),
               ("global-expedited", True), ("global-expedited", True), ("global", False), ("global", True),
               ("mprotect", False), ("mprotect", True)]


def check_scope(f):
    p = f.run(["scope", "--shape", "sb", *BUDGET, "--controls", "false", "--backend", "hardware",
               "--json", f.json_path("scope")])
    if not p:
        return
    results = results_of(f.json_path("scope"))
    if len(results) != len(SCOPE_CELLS):
        return fail(f"scope: {len(results)} cells, expected {len(SCOPE_CELLS)}")
    cells = iter(SCOPE_CELLS)

    def describe(_r):
        heavy, processes = next(cells)
        return {"heavy": heavy, "processes": processes}

    check_cells(f, "scope", results, p.stdout, p.returncode, describe)


def main():
    if sys.argv[1:] == ["--list"]:
        print("\n".join(filters()))
        return 0
    name, no_syscall, fencelab, work = sys.argv[1:5]
    os.makedirs(work, exist_ok=True)
    f = Filter(name, no_syscall, fencelab, work)
    for check in (check_info, check_table, check_run, check_scope, check_check):
        check(f)
    print(f"{len(failures)} failures under {name}" if failures else f"every command behaves under {name}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
