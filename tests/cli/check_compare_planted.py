#!/usr/bin/env python3
"""`fencelab compare` gates on new violations. A fresh run of SB+smp_mb+smp_mb
with smp_mb planted as a compiler barrier must show the weak outcome the
model forbids (VIOLATION); compared against the reference result, compare
must exit 1 and name it. The reference against itself exits 0 with one row
per test.

usage: check_compare_planted.py FENCELAB WORKDIR REFERENCE.json"""
import json
import subprocess
import sys
import os


def main():
    fencelab, work, reference = sys.argv[1], sys.argv[2], sys.argv[3]
    os.makedirs(work, exist_ok=True)
    test = 'SB+smp_mb+smp_mb'
    failures = []
    with open(reference) as f:
        names = [t['name'] for t in json.load(f)['tests']]

    same = subprocess.run([fencelab, 'compare', reference, reference, '--json'], capture_output=True, text=True)
    rows = json.loads(same.stdout)['rows'] if same.returncode == 0 else []
    if same.returncode != 0 or sorted(r['test'] for r in rows) != sorted(set(names)):
        failures.append(f'reference against itself: exit {same.returncode}, rows {[r["test"] for r in rows]}')

    planted = os.path.join(work, 'planted.json')
    # The planted barrier shows weak outcomes within milliseconds here; two
    # seconds leaves a wide margin on a loaded machine.
    run = subprocess.run([fencelab, 'run', test, '--plant', 'smp_mb=barrier', '--budget', '2', '--json', planted],
                         capture_output=True, text=True)
    if run.returncode != 1:
        failures.append(f'planted run: exit {run.returncode}, want 1 (VIOLATION)\n{run.stdout}{run.stderr}')
    with open(planted) as f:
        verdicts = [t.get('verdict') for t in json.load(f)['tests']]
    if verdicts != ['VIOLATION']:
        failures.append(f'planted run: verdicts {verdicts}, want VIOLATION')

    cmp = subprocess.run([fencelab, 'compare', reference, planted], capture_output=True, text=True)
    if cmp.returncode != 1:
        failures.append(f'compare: exit {cmp.returncode}, want 1\n{cmp.stdout}{cmp.stderr}')
    first_row = next((line for line in cmp.stdout.splitlines() if line.startswith('SB+') or line.startswith('MP+')), '')
    if not first_row.startswith(test) or 'VIOLATION' not in first_row or 'NEW' not in first_row:
        failures.append(f'compare: first row {first_row!r} is not the new violation of {test}')
    if f'new in B: {test}' not in cmp.stdout:
        failures.append('compare: summary does not name the new violation')
    for f in failures:
        print('FAIL:', f)
    print(cmp.stdout)
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
