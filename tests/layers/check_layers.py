#!/usr/bin/env python3
"""The layer rule of ARCHITECTURE.md, checked over every #include "..." line.

Layers, bottom up: framework/ (core types, parser, judge, reports) < backends/platform/
< backends/<each other backend> < litmus/ < cli/. A file may include headers of its own
layer and of the layers below it; a backend may not include another backend (only
platform). Headers are found by name, as the build's include paths find them.
Exit 1 naming file:line and the header when an include goes up or sideways."""
import os
import re
import sys

root = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), '..', '..')
root = os.path.abspath(root)
SOURCES = ('.cpp', '.hpp', '.h')


def layer_of(rel):
    parts = rel.split(os.sep)
    if parts[0] == 'backends' and len(parts) > 2:
        return 'backends/' + parts[1]
    return parts[0]


def allowed(src, dst):
    if src == dst:
        return True
    if src == 'framework':
        return False
    if src == 'backends/platform':
        return dst == 'framework'
    if src.startswith('backends/'):
        return dst in ('framework', 'backends/platform')
    if src == 'litmus':
        return dst == 'framework'
    return src == 'cli'  # cli builds on everything; nothing builds on cli


def main():
    owner = {}
    for top in ('framework', 'backends', 'litmus', 'cli'):
        for d, _, files in os.walk(os.path.join(root, top)):
            for f in files:
                if f.endswith(SOURCES):
                    rel = os.path.relpath(os.path.join(d, f), root)
                    owner.setdefault(f, set()).add(layer_of(rel))
                    sub = os.path.relpath(os.path.join(d, f), os.path.join(root, top))
                    owner.setdefault(sub, set()).add(layer_of(rel))  # "arch/x86_64.hpp" style
    bad = []
    # One header name, one file: the include paths of a target that links two
    # libraries would otherwise pick either, depending on link order.
    for name, layers in sorted(owner.items()):
        if '/' not in name and len(layers) > 1:
            bad.append(f'header name {name} is used by {", ".join(sorted(layers))}: rename one')
    for top in ('framework', 'backends', 'litmus', 'cli'):
        for d, _, files in os.walk(os.path.join(root, top)):
            for f in files:
                if not f.endswith(SOURCES):
                    continue
                path = os.path.join(d, f)
                rel = os.path.relpath(path, root)
                src = layer_of(rel)
                with open(path, errors='replace') as fh:
                    for n, line in enumerate(fh, 1):
                        m = re.match(r'\s*#\s*include\s*"([^"]+)"', line)
                        if not m:
                            continue
                        inc = m.group(1)
                        first = inc.split('/')[0]
                        if first in ('framework', 'backends', 'litmus', 'cli'):
                            dst = {layer_of(inc)}
                        else:
                            dst = owner.get(inc) or owner.get(os.path.basename(inc)) or set()
                        if src in dst:
                            continue  # a header of the file's own layer
                        for layer in sorted(dst):
                            if not allowed(src, layer):
                                bad.append(f'{rel}:{n}: {src} includes "{inc}" from {layer}')
    for b in bad:
        print(b, file=sys.stderr)
    if bad:
        print(f'{len(bad)} include(s) go up or across a layer (ARCHITECTURE.md, "Layers")', file=sys.stderr)
        return 1
    print('layers: every include stays in its layer or goes down')
    return 0


sys.exit(main())
