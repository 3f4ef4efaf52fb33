#!/usr/bin/env python3
"""A soak with a broken smp_mb (planted as a compiler barrier) must exit 1
with a violation in the cell whose fences the plant breaks, and catch it within
the soak's first second (SB+smp_mb+smp_mb runs second in table order).
Batch mode: its rendezvous make both threads run every batch, where a
perpetual run on a loaded machine can end its short calibration with no
complete pair of iterations (one thread finishing its chunk stops the other).

usage: check_soak_plant.py FENCELAB WORKDIR"""
import json, os, subprocess, sys

fencelab, workdir = sys.argv[1], sys.argv[2]
os.makedirs(workdir, exist_ok=True)
out = os.path.join(workdir, "soak-plant.json")
if os.path.exists(out):
    os.remove(out)
run = subprocess.run([fencelab, "soak", "--plant", "smp_mb=barrier", "--budget", "0.1", "--shape", "sb", "--mode", "batch",
                      "--json", out, "-q"], capture_output=True, text=True, timeout=120)
failures = []
if run.returncode != 1:
    failures.append(f"exit code {run.returncode}, expected 1 (a violation)")
doc = json.load(open(out))
soak = doc["soak"]
if soak["violations"] < 1:
    failures.append(f"violations {soak['violations']}, expected >= 1")
cells = {c["name"]: c for c in soak["cells"]}
broken = cells.get("SB+smp_mb+smp_mb", {})
if broken.get("violations", 0) < 1:
    failures.append(f"SB+smp_mb+smp_mb shows no violation: {broken}")
first = broken.get("first_violation_seconds")
if first is None or first >= 1.0:
    failures.append(f"first violation at {first} s, expected within the first second")
# The cells the plant leaves alone (membarrier on one side orders either way) stay clean.
for name in ("SB+barrier+membarrier", "SB+membarrier+barrier"):
    if name in cells and cells[name]["violations"] != 0:
        failures.append(f"{name}: {cells[name]['violations']} violations with only smp_mb planted")
verdicts = {t["name"]: t["verdict"] for t in doc["tests"]}
if verdicts.get("SB+smp_mb+smp_mb") != "VIOLATION":
    failures.append(f"SB+smp_mb+smp_mb verdict {verdicts.get('SB+smp_mb+smp_mb')}")
for f in failures:
    print("FAIL:", f)
print(run.stdout)
sys.exit(1 if failures else 0)
