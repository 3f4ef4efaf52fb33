#!/usr/bin/env python3
"""Stopping safely, end to end with real signals (ARCHITECTURE.md, Stopping).

usage: stop_test.py FENCELAB SCHEMA CATALOGUE_DIR CASE
The sleeps below only decide when a signal is sent; whether fencelab has
started is read from its progress line on a pseudo-terminal."""
import json
import os
import signal
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from fencelab_driver import Running, temporaries, validator  # noqa: E402

FENCELAB, SCHEMA, CATALOGUE, CASE = sys.argv[1:5]
CATALOGUE = os.path.abspath(CATALOGUE)
failures = []


def check(condition, what):
    if not condition:
        failures.append(what)
        print("FAIL:", what)


def interrupted_document(out, run, code, expected_code, one_test_in_flight=True):
    check(code == expected_code, f"exit status {code}, expected {expected_code}")
    check(not temporaries(os.path.dirname(out)), f"temporary files left: {temporaries(os.path.dirname(out))}")
    try:
        with open(out) as f:
            doc = json.load(f)
    except (OSError, ValueError) as e:
        check(False, f"no valid result file: {e}")
        return None
    check(doc.get("interrupted") is True, "the document says interrupted: true")
    check(len(doc.get("tests", [])) >= 1, "at least one test in the document")
    tests = doc.get("tests", [])
    if one_test_in_flight:  # a soak's tests are its cells, each summed over rounds: any one can hold the cut run
        check(all(t.get("partial") is False for t in tests[:-1]), "only the last test can be partial")
    check(sum(t.get("partial") is True for t in tests) <= 1, "at most one test is partial")
    v = validator(SCHEMA)
    if v is not None:
        errors = [e.message for e in v.iter_errors(doc)]
        check(not errors, f"the interrupted document conforms to the schema: {errors[:3]}")
    else:
        print("note: python3-jsonschema missing, schema not checked")
    check(b"(interrupted)" in run.stdout or b"interrupted after" in run.stdout, "the summary says it was interrupted")
    return doc


def table_five_seconds(tmp):
    """The issue's acceptance: Ctrl-C 5 s into `fencelab table` (default budget)."""
    out = os.path.join(tmp, "table.json")
    run = Running(FENCELAB, ["table", "--json", out], tmp)
    run.wait_for_progress(0)
    time.sleep(max(0.0, 5.0 - (time.monotonic() - run.started)))
    run.send(signal.SIGINT)
    code, took = run.finish()
    doc = interrupted_document(out, run, code, 130)
    if doc:
        check(len(doc["tests"]) < 18, "a stopped table holds fewer than its 18 tests")
        check(b"weak outcomes / iterations" in run.stdout, "the grid is printed")
        print(f"SIGINT 5 s into table: exit {code} {took:.3f} s after the signal, {len(doc['tests'])} of 18 tests kept")


def table_partial(tmp, sig, expected):
    """A 30 s test stopped ~2 s in keeps the iterations it counted, marked partial."""
    out = os.path.join(tmp, "partial.json")
    run = Running(FENCELAB, ["table", "--budget", "30", "--controls", "false", "--json", out], tmp)
    run.wait_for_progress(0)
    time.sleep(2.0)
    run.send(sig)
    code, took = run.finish()
    check(took < 5.0, f"exit {took:.2f} s after the signal (at most a batch, the models and the write)")
    doc = interrupted_document(out, run, code, expected)
    if doc:
        check(len(doc["tests"]) == 1, "the run stopped in its first test")
        t = doc["tests"][0]
        check(t.get("partial") is True, "the test in progress is marked partial")
        check(t.get("iterations", 0) > 0, "its iterations so far are kept")
        check(1.0 < t.get("seconds", 0) < 10.0, f"it ran about as long as until the signal ({t.get('seconds')} s)")
        check(t.get("positive", 0) + t.get("negative", 0) <= t.get("iterations", 0), "its counts add up")
        print(f"signal {sig}: exit {code} {took:.3f} s after it; test kept {t.get('seconds', 0):.2f} s, "
              f"{t.get('iterations')} iterations of a 30 s budget")


def two_signals(tmp):
    """A second signal exits at once and leaves no temporary file."""
    out = os.path.join(tmp, "twice.json")
    run = Running(FENCELAB, ["table", "--budget", "30", "--controls", "false", "--json", out], tmp)
    run.wait_for_progress(0)
    time.sleep(1.0)
    run.send(signal.SIGINT)
    run.send(signal.SIGINT)
    code, took = run.finish()
    check(code == 130, f"exit status {code}, expected 130")
    check(took < 2.0, f"exit {took:.3f} s after the signals")
    check(not temporaries(tmp), f"temporary files left: {temporaries(tmp)}")
    if os.path.exists(out):  # the first signal's write may have finished first: then it is whole
        with open(out) as f:
            json.load(f)
    print(f"two SIGINTs: exit {code} {took:.3f} s after the first")


def check_directory(tmp):
    """`check` over a directory stops between tests; each test it holds is complete."""
    out = os.path.join(tmp, "check.json")
    run = Running(FENCELAB, ["check", CATALOGUE, "--model", "both", "--json", out], tmp)
    run.wait_for_progress(1)
    run.send(signal.SIGINT)
    code, took = run.finish()
    doc = interrupted_document(out, run, code, 130)
    if doc:
        files = sum(1 for n in os.listdir(CATALOGUE) if n.endswith(".litmus"))
        check(len(doc["tests"]) < files, "a stopped check holds fewer tests than it was given")
        check(all(t.get("models") for t in doc["tests"]), "every test it holds has its models' answers")
        print(f"check over a directory: exit {code} {took:.3f} s after SIGINT, {len(doc['tests'])} of {files} tests")


def soak_sigint(tmp):
    """A soak stopped mid-round keeps the cells it finished and the totals over them."""
    out = os.path.join(tmp, "soak.json")
    run = Running(FENCELAB, ["soak", "--budget", "0.5", "--rounds", "20", "--shape", "sb", "--json", out], tmp)
    run.wait_for_progress(1)
    run.send(signal.SIGINT)
    code, took = run.finish()
    doc = interrupted_document(out, run, code, 130, one_test_in_flight=False)
    if doc:
        soak = doc.get("soak", {})
        cells = soak.get("cells", [])
        check(len(cells) >= 1, "the record holds the cells run so far")
        check(soak.get("rounds", 20) < 20, f"it stopped before its 20 rounds ({soak.get('rounds')})")
        total = sum(c.get("iterations", 0) for c in cells)
        check(soak.get("forbidden_iterations") == total,
              f"the total ({soak.get('forbidden_iterations')}) is the sum over its cells ({total})")
        print(f"soak: exit {code} {took:.3f} s after SIGINT, {soak.get('rounds')} rounds, "
              f"{soak.get('forbidden_iterations')} forbidden-cell iterations kept")


def progress_only_on_a_terminal(tmp):
    args = ["run", "SB+barrier+barrier", "SB+smp_mb+smp_mb", "--budget", "0.2", "--backend", "hardware"]
    shown = Running(FENCELAB, args + ["--json", os.path.join(tmp, "a.json")], tmp)
    shown.finish()
    check(b"[0/2] SB+barrier+barrier" in shown.stderr, f"progress on a terminal: {shown.stderr[-300:]!r}")
    check(b"ETA" in shown.stderr and b"elapsed" in shown.stderr, "the line has elapsed time and ETA")
    quiet = Running(FENCELAB, args + ["--quiet", "--json", os.path.join(tmp, "b.json")], tmp)
    quiet.finish()
    check(b"[0/2]" not in quiet.stderr, "--quiet: no progress")
    piped = Running(FENCELAB, args + ["--json", os.path.join(tmp, "c.json")], tmp, tty=False)
    piped.finish()
    check(b"[0/2]" not in piped.stderr and b"\x1b[K" not in piped.stderr, "no progress on a pipe")
    check(b"Results written" in piped.stdout, "the run itself completed")


CASES = {
    "table_sigint_5s": table_five_seconds,
    "table_sigint_partial": lambda tmp: table_partial(tmp, signal.SIGINT, 130),
    "table_sigterm_partial": lambda tmp: table_partial(tmp, signal.SIGTERM, 143),
    "two_signals": two_signals,
    "check_directory_sigint": check_directory,
    "soak_sigint": soak_sigint,
    "progress": progress_only_on_a_terminal,
}

with tempfile.TemporaryDirectory(prefix="fencelab-stop-") as tmp:
    CASES[CASE](tmp)
if failures:
    sys.exit(1)
print("ok")
