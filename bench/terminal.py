"""Drive a program in a pseudo-terminal and read its screen output as text.

Shared by the end-to-end test and the startup benchmark.
"""

from __future__ import annotations

import fcntl
import os
import re
import select
import struct
import subprocess
import termios
import time

ESCAPES = re.compile(
    r"\x1b\[[0-9;?<>=]*[ -/]*[@-~]"  # CSI: cursor moves, colours
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)"  # OSC: titles, clipboard
    r"|\x1b[()][A-Z0-9]|\x1b[=>78]"  # charset and keypad modes
)


class Terminal:
    def __init__(self, command: list[str], env: dict[str, str], rows: int = 30,
                 cols: int = 100) -> None:
        self.master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        self.started = time.perf_counter()
        self.process = subprocess.Popen(command, stdin=slave, stdout=slave, stderr=slave,
                                        env=env, start_new_session=True, close_fds=True)
        os.close(slave)
        self.raw = b""

    def text(self) -> str:
        return ESCAPES.sub("", self.raw.decode("utf-8", "replace"))

    def read_until(self, wanted: str, timeout: float) -> float | None:
        """Seconds from launch until `wanted` was on screen, or None on timeout."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            before = len(self.raw)
            self._drain(0.05)
            if len(self.raw) != before and wanted in self.text():
                return time.perf_counter() - self.started
            if self.process.poll() is not None and len(self.raw) == before:
                return None
        return None

    def _drain(self, wait: float) -> None:
        ready, _, _ = select.select([self.master], [], [], wait)
        if ready:
            try:
                self.raw += os.read(self.master, 65536)
            except OSError:  # the program has gone and closed its side
                time.sleep(wait)

    def wait_exit(self, timeout: float) -> int | None:
        """The exit code, reading output meanwhile: a program blocked writing to a full
        pseudo-terminal would otherwise never exit."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                return self.process.returncode
            self._drain(0.05)
        return self.process.poll()

    def send(self, data: bytes) -> None:
        os.write(self.master, data)

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait(timeout=10)
        os.close(self.master)
