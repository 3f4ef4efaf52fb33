#!/usr/bin/env python3
"""Every command's real --json document validates against results/schema.json,
and the schema rejects documents with real mistakes in them.

usage: schema_test.py FENCELAB SCHEMA CATALOGUE_DIR   (exit 77: skipped)"""
import copy
import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from fencelab_driver import validator  # noqa: E402

FENCELAB, SCHEMA, CATALOGUE = (os.path.abspath(a) for a in sys.argv[1:4])
v = validator(SCHEMA)
if v is None:
    print("skipped: python3-jsonschema is not installed (apt-get install python3-jsonschema)")
    sys.exit(77)

failures = []


def check(condition, what):
    if not condition:
        failures.append(what)
        print("FAIL:", what)


SMALL = ["--budget", "0.05", "--quiet"]
COMMANDS = {
    "table": ["table"] + SMALL,
    "run": ["run", "SB+barrier+barrier", os.path.join(CATALOGUE, "MP+smp_wmb+smp_rmb.litmus"), "--controls"] + SMALL,
    "check": ["check", CATALOGUE, "--quiet"],
    "scope": ["scope", "--shape", "sb", "--controls", "false"] + SMALL,
    "window": ["window", "--delays", "0,100", "--techniques", "batch,perpetual"] + SMALL,
    "bench": ["bench", "--repeats", "1", "--first-repeats", "1"] + SMALL,
    "soak": ["soak", "--shape", "sb", "--rounds", "1", "--control-budget", "0.05"] + SMALL,
    # cells without a sham control carry no power (the schema must not demand one)
    "soak_without_controls": ["soak", "--shape", "mp", "--rounds", "1", "--controls", "false"] + SMALL,
}

docs = {}
with tempfile.TemporaryDirectory(prefix="fencelab-schema-") as tmp:
    for command, args in COMMANDS.items():
        out = os.path.join(tmp, command + ".json")
        r = subprocess.run([FENCELAB] + args + ["--json", out], cwd=tmp, capture_output=True, timeout=600)
        if not os.path.exists(out):
            check(False, f"{command} wrote no document (exit {r.returncode}): {r.stderr.decode()[-400:]}")
            continue
        with open(out) as f:
            docs[command] = json.load(f)
    # compare writes its document to stdout: the table's result against the run's.
    if "table" in docs and "run" in docs:
        r = subprocess.run([FENCELAB, "compare", os.path.join(tmp, "table.json"), os.path.join(tmp, "run.json"), "--json"],
                           capture_output=True, timeout=120)
        check(r.returncode in (0, 1), f"compare ran (exit {r.returncode}): {r.stderr.decode()[-400:]}")
        if r.returncode in (0, 1):
            compared = json.loads(r.stdout)
            errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in v.iter_errors(compared)]
            check(not errors, f"compare: conforms to the schema: {errors[:5]}")
            check(len(compared["rows"]) > 0, "compare: has rows")
            bad = copy.deepcopy(compared)
            bad["rows"][0].pop("new_violation")
            check(not v.is_valid(bad), "the schema rejects a compare row without new_violation")

# info prints its document on stdout: no run, so none of the run checks below.
r = subprocess.run([FENCELAB, "info", "--json"], capture_output=True, timeout=120)
check(r.returncode == 0, f"info --json ran (exit {r.returncode}): {r.stderr.decode()[-400:]}")
info = json.loads(r.stdout) if r.returncode == 0 else {}
if info:
    errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in v.iter_errors(info)]
    check(not errors, f"info: conforms to the schema: {errors[:5]}")
    check(len(info["heavy_barriers"]) == 4 and info["fences"], "info: every heavy barrier and the fences")
    for what, change in [("a heavy barrier without its availability", lambda d: d["heavy_barriers"][0].pop("available")),
                         ("an unavailable heavy barrier without its reason",
                          lambda d: d["heavy_barriers"][0].__setitem__("available", False)),
                         ("a membarrier mask that is neither a mask nor an errno",
                          lambda d: d["membarrier"].__setitem__("query", {"mask": 1, "errno": 38}))]:
        bad = copy.deepcopy(info)
        change(bad)
        check(not v.is_valid(bad), f"the schema rejects {what} (info)")

for command, doc in docs.items():
    errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in v.iter_errors(doc)]
    check(not errors, f"{command}: conforms to the schema: {errors[:5]}")
    check(doc.get("schema_version") == 1, f"{command}: schema_version 1")
    check(doc.get("interrupted") is False, f"{command}: not interrupted")
    check(len(doc.get("tests", [])) > 0, f"{command}: has tests")
    # first_positive_seconds follows the counts: a time exactly when something positive was seen.
    for t in doc.get("tests", []):
        fps = t.get("first_positive_seconds")
        if "histogram" not in t:
            check(fps is None, f"{command}: {t['name']}: no hardware run, no first positive")
            continue
        check((fps is not None) == (t["positive"] > 0), f"{command}: {t['name']}: first_positive_seconds {fps} "
                                                         f"with {t['positive']} positive")
        if fps is not None:
            check(0 <= fps <= t["seconds"] + 0.05, f"{command}: {t['name']}: first positive {fps} s within "
                                                    f"the run's {t['seconds']} s")

if "soak_without_controls" in docs:
    cells = docs["soak_without_controls"]["soak"]["cells"]
    check(cells and all("power" not in c and c["controls"] == 0 for c in cells),
          "a soak without controls claims no power for any cell")

seen_first = [t["first_positive_seconds"] for d in docs.values() for t in d["tests"] if t["first_positive_seconds"]]
modes = {t.get("mode") for d in docs.values() for t in d["tests"] if t["first_positive_seconds"]}
print(f"first_positive_seconds: {len(seen_first)} tests with one, modes {sorted(m for m in modes if m)}")


# Mistakes the schema must catch: each mutation of a valid document must fail.
def mutated(command, change):
    doc = copy.deepcopy(docs[command])
    change(doc)
    return doc


def first_hardware_test(doc):
    return next(t for t in doc["tests"] if "histogram" in t)


MUTATIONS = [
    ("table", "a test without its name", lambda d: d["tests"][0].pop("name")),
    ("table", "a count as a string", lambda d: first_hardware_test(d).__setitem__("positive", "3")),
    ("table", "an unknown key in a test", lambda d: d["tests"][0].__setitem__("weak", 1)),
    ("table", "an unknown top-level key", lambda d: d.__setitem__("scope", [])),
    ("table", "another schema version", lambda d: d.__setitem__("schema_version", 2)),
    ("table", "no interrupted flag", lambda d: d.pop("interrupted")),
    ("table", "no partial flag", lambda d: d["tests"][0].pop("partial")),
    ("table", "a negative first positive", lambda d: d["tests"][0].__setitem__("first_positive_seconds", -1)),
    ("table", "an unknown mode in the config", lambda d: d["config"].__setitem__("mode", "fast")),
    ("table", "an unknown verdict", lambda d: d["tests"][0].__setitem__("verdict", "fine")),
    ("table", "a histogram without its counts", lambda d: first_hardware_test(d).pop("iterations")),
    ("run", "a machine without its kernel", lambda d: d["machine"].pop("kernel")),
    ("check", "a model answer without its outcomes", lambda d: d["tests"][0]["models"][0].pop("outcomes")),
    ("scope", "a scope document without its cells", lambda d: d.pop("scope")),
    ("scope", "a cell the man page neither orders nor not", lambda d: d["scope"][0].__setitem__("man_page", "maybe")),
    ("window", "a sweep point without its weak count", lambda d: d["window"]["techniques"][0]["sweep"][0].pop("weak")),
    ("bench", "an unknown command", lambda d: d.__setitem__("command", "benchmark")),
    ("soak", "a soak cell without its iterations", lambda d: d["soak"]["cells"][0].pop("iterations")),
    ("soak", "a soak cell with an unknown power", lambda d: d["soak"]["cells"][0].__setitem__("power", "strong")),
    ("soak", "a soak without its rounds", lambda d: d["soak"].pop("rounds")),
]
for command, what, change in MUTATIONS:
    if command not in docs:
        continue
    doc = mutated(command, change)
    check(not v.is_valid(doc), f"the schema rejects {what} ({command})")
print(f"{len(docs)} documents validated, {len(MUTATIONS)} mutations checked")
if failures:
    sys.exit(1)
print("ok")
