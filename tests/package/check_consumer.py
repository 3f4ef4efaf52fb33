#!/usr/bin/env python3
"""Installs a fencelab build to a temporary prefix, then configures, builds and
runs tests/package/consumer against it, as a user's project would use
find_package(fencelab) and fencelab_add_litmus_test().

Asserts: the consumer registers exactly its two tests, both running the
installed executable; exactly one of them fails, the one whose file claims
Never for an outcome the LKMM allows (wrong.model), and it fails because the
model allows that outcome, not for some other reason (a missing file, say).

usage: check_consumer.py BUILD_DIR CONSUMER_SOURCE_DIR
"""
import json
import pathlib
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET


def run(*cmd, check=True):
    r = subprocess.run(cmd, capture_output=True, text=True)
    if check and r.returncode != 0:
        sys.exit(f"failed ({r.returncode}): {' '.join(cmd)}\n{r.stdout}{r.stderr}")
    return r


def main():
    build, consumer = sys.argv[1], sys.argv[2]
    with tempfile.TemporaryDirectory(prefix="fencelab-consumer-") as tmp:
        prefix, cbuild = pathlib.Path(tmp, "prefix"), pathlib.Path(tmp, "build")
        run("cmake", "--install", build, "--prefix", str(prefix))
        run("cmake", "-S", consumer, "-B", str(cbuild), f"-DCMAKE_PREFIX_PATH={prefix}")
        run("cmake", "--build", str(cbuild))

        listing = json.loads(run("ctest", "--test-dir", str(cbuild), "--show-only=json-v1").stdout)
        commands = {t["name"]: t["command"] for t in listing["tests"]}
        if sorted(commands) != ["holds.model", "wrong.model"]:
            sys.exit(f"consumer tests: expected holds.model and wrong.model, got {sorted(commands)}")
        installed = prefix / "bin" / "fencelab"
        for name, command in commands.items():
            if pathlib.Path(command[0]) != installed:
                sys.exit(f"{name} runs {command[0]}, not the installed {installed}")

        junit = pathlib.Path(tmp, "junit.xml")
        r = run("ctest", "--test-dir", str(cbuild), "--output-junit", str(junit), check=False)
        if r.returncode == 0:
            sys.exit(f"the consumer's ctest passed although wrong.model must fail:\n{r.stdout}")
        cases = {c.get("name"): c for c in ET.parse(junit).getroot().iter("testcase")}
        failed = sorted(n for n, c in cases.items() if c.get("status") != "run")
        if failed != ["wrong.model"]:
            sys.exit(f"expected exactly wrong.model to fail, failed: {failed}\n{r.stdout}")
        # Failed for the right reason: the check ran and found Never does not hold.
        out = cases["wrong.model"].findtext("system-out") or ""
        if not re.search(r"SB\+mine\+nothing FAIL expected Never .*allowed", out):
            sys.exit(f"wrong.model did not fail on its expectation:\n{out}")
    print("consumer: holds.model passed; wrong.model failed on its expectation; both ran the installed fencelab")


if __name__ == "__main__":
    main()
