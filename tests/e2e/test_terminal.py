"""The real `coach` command in a pseudo-terminal: it paints the home screen and quits cleanly."""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")


def coach_command() -> list[str]:
    script = Path(sys.executable).with_name("coach")
    return [str(script)] if script.exists() else [sys.executable, "-m", "coach"]


def test_coach_command_shows_the_home_screen_and_quits(tmp_path):
    from bench.terminal import Terminal
    from coach.packs.loader import load_catalog

    first, second = load_catalog(extra_roots=[]).entries[:2]
    env = {**os.environ, "COACH_HOME": str(tmp_path), "TERM": "xterm-256color"}
    env.pop("COACH_DB", None)
    terminal = Terminal(coach_command(), env)
    try:
        assert terminal.read_until(first.problem.title, timeout=60), terminal.text()[-2000:]
        assert re.search(r"\d+ problems", terminal.text())
        # Down and Enter in one burst, as a fast typist or a paste sends them: Enter must
        # open the row Down moved to (the second problem), not the first.
        terminal.send(b"\x1b[B\r")
        assert terminal.read_until("pack core", timeout=20)
        text = terminal.text()
        shown = " · pack core"
        assert f"{', '.join(second.problem.tags)}{shown}" in text
        assert f"{', '.join(first.problem.tags)}{shown}" not in text
        terminal.send(b"\x11")  # ctrl+q
        assert terminal.wait_exit(timeout=30) == 0
        assert (tmp_path / "coach.db").exists()
    finally:
        terminal.close()
