"""Runs fencelab as a user would, for the end-to-end tests in this folder:
stderr on a pseudo-terminal (so the progress line shows), stdout captured."""
import glob
import os
import pty
import re
import subprocess
import threading
import time

PROGRESS = re.compile(rb"\[(\d+)/(\d+)\] ")


class Running:
    def __init__(self, binary, args, cwd, tty=True):
        self.stdout = b""
        self.stderr = b""
        self._changed = threading.Condition()
        self.started = time.monotonic()
        self.sent = None
        if tty:
            master, slave = pty.openpty()
            err = slave
        else:
            master, err = None, subprocess.PIPE
        self.proc = subprocess.Popen([os.path.abspath(binary)] + args, cwd=cwd, stdin=subprocess.DEVNULL,
                                     stdout=subprocess.PIPE, stderr=err)
        readers = [threading.Thread(target=self._read, args=(self.proc.stdout.fileno(), "stdout"))]
        if tty:
            os.close(slave)
            readers.append(threading.Thread(target=self._read, args=(master, "stderr")))
        else:
            readers.append(threading.Thread(target=self._read, args=(self.proc.stderr.fileno(), "stderr")))
        for r in readers:
            r.daemon = True
            r.start()
        self._readers = readers

    def _read(self, fd, name):
        while True:
            try:
                chunk = os.read(fd, 4096)
            except OSError:  # the pty's other side closed
                chunk = b""
            with self._changed:
                setattr(self, name, getattr(self, name) + chunk)
                self._changed.notify_all()
            if not chunk:
                return

    def wait_for_progress(self, done=0, timeout=120):
        """Waits until the progress line says `done` items are finished (the run has started)."""
        deadline = time.monotonic() + timeout
        with self._changed:
            while True:
                counts = [int(m.group(1)) for m in PROGRESS.finditer(self.stderr)]
                if counts and max(counts) >= done:
                    return
                if self.proc.poll() is not None:
                    raise AssertionError(f"fencelab ended before progress {done}: {self.stderr[-500:]!r}")
                left = deadline - time.monotonic()
                if left <= 0:
                    raise AssertionError(f"no progress {done} in {timeout} s: {self.stderr[-500:]!r}")
                self._changed.wait(min(left, 0.5))

    def send(self, sig):
        if self.sent is None:
            self.sent = time.monotonic()
        self.proc.send_signal(sig)

    def finish(self, timeout=120):
        """Exit status and seconds from the first signal sent to the exit."""
        code = self.proc.wait(timeout)
        ended = time.monotonic()
        for r in self._readers:
            r.join(10)
        return code, (ended - self.sent if self.sent else None)


def temporaries(directory):
    return glob.glob(os.path.join(directory, ".*.tmp*"))


def validator(schema_path):
    """A validator for results/schema.json, or None when python3-jsonschema is missing."""
    try:
        import jsonschema
    except ImportError:
        return None
    import json
    with open(schema_path) as f:
        schema = json.load(f)
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)
