#!/usr/bin/env python3
"""`fencelab report` rendered by a real browser (Debian's chromium, headless).

usage: check_report_dom.py FENCELAB OUTDIR RESULT.json...

Writes the report of the given result documents, lets Chromium load it and
dump the DOM it built, and checks that DOM against the input JSON (read here
with Python's json, not through fencelab): each document's column holds one
grid cell per test, named by data-test, whose text carries the test's verdict,
and one histogram per test with a hardware histogram. Then takes a screenshot
(OUTDIR/report.png) and checks it is a PNG of the requested size. Before the
browser, `--format svg` must give well-formed XML with one cell per test.
Exit 77 (ctest SKIP_RETURN_CODE) with the reason when Chromium is missing."""
import collections
import html.parser
import json
import os
import shutil
import struct
import subprocess
import sys

SKIP = 77


class Cells(html.parser.HTMLParser):
    """Collects every element with class "cell": its attributes and text."""

    def __init__(self):
        super().__init__()
        self.cells, self.histograms = [], collections.Counter()
        self.stack = []  # per open element: index of the cell it belongs to, or None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        owner = self.stack[-1] if self.stack else None
        if 'cell' in (a.get('class') or '').split():
            self.cells.append({'doc': a.get('data-doc'), 'test': a.get('data-test'), 'text': '', 'lines': []})
            owner = len(self.cells) - 1
        if tag == 'section' and a.get('data-doc') is not None:
            self.doc = a['data-doc']
        if tag == 'details' and 'histogram' in (a.get('class') or ''):
            self.histograms[self.doc] += 1
        self.stack.append(owner)

    def handle_endtag(self, tag):
        if self.stack:
            self.stack.pop()

    def handle_data(self, data):
        if self.stack and self.stack[-1] is not None:
            cell = self.cells[self.stack[-1]]
            cell['text'] += data + ' '
            if data.strip() and self.lasttag == 'text':
                cell['lines'].append(data.strip())


def check_svg(fencelab, outdir, inputs):
    """--format svg: well-formed XML with one cell per test of every document."""
    import xml.etree.ElementTree as ET
    os.makedirs(outdir, exist_ok=True)
    svg = os.path.join(outdir, 'table.svg')
    subprocess.run([fencelab, 'report', *inputs, '--format', 'svg', '-o', svg], check=True)
    root = ET.parse(svg).getroot()
    cells = [g for g in root.iter('{http://www.w3.org/2000/svg}g') if g.get('class') == 'cell']
    want = sum(len(json.load(open(p))['tests']) for p in inputs)
    return [] if len(cells) == want else [f'{svg}: {len(cells)} cells, {want} tests']


def chromium():
    for name in ('chromium', 'chromium-browser'):
        if shutil.which(name):
            return shutil.which(name)
    return None


def browser(exe, *args):
    cmd = [exe, '--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--user-data-dir=' + profile, *args]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=240)


def main():
    global profile
    fencelab, outdir, inputs = sys.argv[1], sys.argv[2], sys.argv[3:]
    failures = check_svg(fencelab, outdir, inputs)
    exe = chromium()
    if not exe:
        for f in failures:
            print('FAIL:', f)
        if failures:
            return 1
        print('SKIP: chromium is not installed (apt-get install chromium): cannot render the report')
        return SKIP
    os.makedirs(outdir, exist_ok=True)
    profile = os.path.join(outdir, 'chromium-profile')
    page = os.path.join(outdir, 'report.html')
    if os.path.exists(page):
        os.remove(page)
    subprocess.run([fencelab, 'report', *inputs, '-o', page], check=True)
    dom = browser(exe, '--dump-dom', 'file://' + os.path.abspath(page))
    if dom.returncode != 0 or '<html' not in dom.stdout:
        print('chromium --dump-dom failed:', dom.returncode, dom.stderr[-2000:])
        return 1
    parser = Cells()
    parser.doc = None
    parser.feed(dom.stdout)
    for index, path in enumerate(inputs):
        with open(path) as f:
            tests = json.load(f)['tests']
        cells = [c for c in parser.cells if c['doc'] == str(index)]
        want = collections.Counter(t['name'] for t in tests)
        got = collections.Counter(c['test'] for c in cells)
        if want != got:
            failures.append(f'{path}: cells {dict(got)} != tests {dict(want)}')
        for t in tests:
            verdict = t.get('verdict') or 'no verdict'
            # The verdict is the cell's first line, word for word.
            lines = [c['lines'] for c in cells if c['test'] == t['name']]
            if not any(ls and ls[0] == verdict for ls in lines):
                failures.append(f'{path}: cell {t["name"]} does not lead with verdict {verdict!r}: {lines}')
        with_histogram = sum(1 for t in tests if 'histogram' in t)
        if parser.histograms[str(index)] != with_histogram:
            failures.append(f'{path}: {parser.histograms[str(index)]} histograms, {with_histogram} tests have one')
    shot = os.path.join(outdir, 'report.png')
    if os.path.exists(shot):
        os.remove(shot)
    browser(exe, '--screenshot=' + shot, '--window-size=1500,2400', '--hide-scrollbars',
            'file://' + os.path.abspath(page))
    with open(shot, 'rb') as f:
        head = f.read(24)
    if head[:8] != b'\x89PNG\r\n\x1a\n' or struct.unpack('>II', head[16:24]) != (1500, 2400):
        failures.append(f'{shot}: not a 1500x2400 PNG')
    for f in failures:
        print('FAIL:', f)
    print(f'{len(parser.cells)} cells checked against {len(inputs)} document(s); screenshot {shot}')
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
