#!/usr/bin/env python3
"""Builds the .deb with cpack from a configured and built fencelab build
directory and checks what `dpkg-deb` says is in it.

Asserts: the package holds the executable, every .litmus file of the source
catalogue, the CMake package files and the man page; its control fields name
the package, the project's version and this machine's architecture; and its
Depends names the Debian package that ships each shared library the
executable needs (found independently: the executable's NEEDED entries,
resolved with ldd, owners from dpkg -S).

usage: check_deb.py BUILD_DIR SOURCE_DIR VERSION
Exit 77 (skipped) when the build has no man page (no help2man at configure time).
"""
import pathlib
import re
import subprocess
import sys
import tempfile


def run(*cmd):
    r = subprocess.run(cmd, capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit(f"failed ({r.returncode}): {' '.join(cmd)}\n{r.stdout}{r.stderr}")
    return r.stdout


def needed_packages(exe):
    """The Debian package owning each shared library the executable loads directly."""
    needed = re.findall(r"NEEDED\s+(\S+)", run("objdump", "-p", exe))
    resolved = dict(re.findall(r"^\s*(\S+) => (\S+)", run("ldd", exe), re.M))
    owners = set()
    for lib in needed:
        path = pathlib.Path(resolved[lib]).resolve()
        # /lib is a symlink to /usr/lib on Debian 12; dpkg knows the path it installed.
        candidates = [str(path), str(path).replace("/usr/lib/", "/lib/", 1)]
        for candidate in candidates:
            r = subprocess.run(["dpkg", "-S", candidate], capture_output=True, text=True)
            if r.returncode == 0:
                owners.add(r.stdout.split(":")[0])
                break
        else:
            sys.exit(f"no Debian package owns {lib} ({path})")
    return owners


def main():
    build, source, version = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2]), sys.argv[3]
    if not (build / "man" / "fencelab.1.gz").exists():
        print("skipped: this build has no man page (help2man was missing at configure time)")
        sys.exit(77)
    with tempfile.TemporaryDirectory(prefix="fencelab-deb-") as tmp:
        run("cpack", "-G", "DEB", "--config", str(build / "CPackConfig.cmake"), "-B", tmp)
        debs = list(pathlib.Path(tmp).glob("*.deb"))
        if len(debs) != 1:
            sys.exit(f"expected one .deb, cpack made {debs}")
        deb = str(debs[0])
        files = {line.split()[-1] for line in run("dpkg-deb", "-c", deb).splitlines()}
        fields = dict(re.findall(r"^(\S+): (.*)$", run("dpkg-deb", "-f", deb), re.M))

    arch = run("dpkg", "--print-architecture").strip()
    expected = {"./usr/bin/fencelab", "./usr/share/man/man1/fencelab.1.gz"}
    expected |= {f"./usr/lib/cmake/fencelab/{f}" for f in
                 ("fencelabConfig.cmake", "fencelabConfigVersion.cmake", "fencelabTargets.cmake", "FencelabLitmus.cmake")}
    expected |= {f"./usr/share/fencelab/litmus/{p.name}" for p in (source / "litmus" / "catalogue").glob("*.litmus")}
    missing = sorted(expected - files)
    if missing:
        sys.exit("missing from the package:\n  " + "\n  ".join(missing))
    for field, want in (("Package", "fencelab"), ("Version", version), ("Architecture", arch)):
        if fields.get(field) != want:
            sys.exit(f"{field}: {fields.get(field)!r}, expected {want!r}")
    depends = {d.strip().split()[0] for d in fields.get("Depends", "").split(",") if d.strip()}
    absent = sorted(needed_packages(str(build / "fencelab")) - depends)
    if absent:
        sys.exit(f"Depends ({fields.get('Depends')}) lacks {absent}")
    print(f"{pathlib.Path(deb).name}: {len(files)} entries, all {len(expected)} expected; Depends: {fields['Depends']}")


if __name__ == "__main__":
    main()
