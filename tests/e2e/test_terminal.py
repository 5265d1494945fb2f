"""The real `coach` command in a pseudo-terminal: it paints the home screen and quits cleanly."""

from __future__ import annotations

import fcntl
import os
import re
import select
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

import pytest

ESCAPES = re.compile(
    r"\x1b\[[0-9;?<>=]*[ -/]*[@-~]"  # CSI: cursor moves, colours
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)"  # OSC: titles, clipboard
    r"|\x1b[()][A-Z0-9]|\x1b[=>78]"  # charset and keypad modes
)
pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")


def coach_command() -> list[str]:
    script = Path(sys.executable).with_name("coach")
    return [str(script)] if script.exists() else [sys.executable, "-m", "coach"]


class Terminal:
    def __init__(self, command: list[str], env: dict[str, str], rows=30, cols=100) -> None:
        self.master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        self.process = subprocess.Popen(command, stdin=slave, stdout=slave, stderr=slave,
                                        env=env, start_new_session=True, close_fds=True)
        os.close(slave)
        self.raw = b""

    def text(self) -> str:
        return ESCAPES.sub("", self.raw.decode("utf-8", "replace"))

    def read_until(self, wanted: str, timeout: float) -> bool:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            ready, _, _ = select.select([self.master], [], [], 0.2)
            if ready:
                try:
                    self.raw += os.read(self.master, 65536)
                except OSError:
                    break
            if wanted in self.text():
                return True
        return wanted in self.text()

    def send(self, data: bytes) -> None:
        os.write(self.master, data)

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait(timeout=10)
        os.close(self.master)


def test_coach_command_shows_the_home_screen_and_quits(tmp_path):
    env = {**os.environ, "COACH_HOME": str(tmp_path), "TERM": "xterm-256color"}
    env.pop("COACH_DB", None)
    terminal = Terminal(coach_command(), env)
    try:
        assert terminal.read_until("Ride-sharing service", timeout=60), terminal.text()[-2000:]
        assert re.search(r"\d+ problems", terminal.text())
        terminal.send(b"\x11")  # ctrl+q
        assert terminal.process.wait(timeout=20) == 0
        assert (tmp_path / "coach.db").exists()
    finally:
        terminal.close()
