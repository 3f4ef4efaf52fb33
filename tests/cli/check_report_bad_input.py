#!/usr/bin/env python3
"""Bad input to `fencelab report` and `fencelab compare`: a missing file, a
file that is not JSON, JSON that is no fencelab document. Each must give one
line on stderr naming the file, exit 2, and (report) leave no output file,
not even a temporary one.

usage: check_report_bad_input.py FENCELAB WORKDIR GOOD_RESULT.json"""
import json
import os
import subprocess
import sys


def main():
    fencelab, work, good = sys.argv[1], sys.argv[2], sys.argv[3]
    os.makedirs(work, exist_ok=True)
    not_json = os.path.join(work, 'not-json.json')
    with open(not_json, 'w') as f:
        f.write('{"fencelab": "0.1.0", "tests": [')
    foreign = os.path.join(work, 'foreign.json')
    with open(foreign, 'w') as f:
        json.dump({'name': 'some other tool', 'results': []}, f)
    missing = os.path.join(work, 'missing.json')
    failures = []
    for bad in (missing, not_json, foreign):
        out = os.path.join(work, 'out.html')
        if os.path.exists(out):
            os.remove(out)
        runs = {'report': [fencelab, 'report', good, bad, '-o', out],
                'compare': [fencelab, 'compare', good, bad]}
        for name, cmd in runs.items():
            p = subprocess.run(cmd, capture_output=True, text=True)
            lines = p.stderr.strip().splitlines()
            if p.returncode != 2:
                failures.append(f'{name} {bad}: exit {p.returncode}, want 2')
            if len(lines) != 1 or bad not in lines[0]:
                failures.append(f'{name} {bad}: stderr {p.stderr!r} is not one line naming the file')
        leftovers = [f for f in os.listdir(work) if f.startswith('out.html') or f.startswith('.out.html')]
        if leftovers:
            failures.append(f'report {bad}: left {leftovers}')
    p = subprocess.run([fencelab, 'report', good, '--format', 'png', '-o', os.path.join(work, 'x')],
                       capture_output=True, text=True)
    if p.returncode != 2 or '--format' not in p.stderr:
        failures.append(f'--format png: exit {p.returncode}, stderr {p.stderr!r}')
    for f in failures:
        print('FAIL:', f)
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
