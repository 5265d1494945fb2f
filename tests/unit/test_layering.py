"""The core never imports Textual, and nothing heavy happens on the way to the first screen."""

import os
import pkgutil
import subprocess
import sys

import coach

# Every module of the package except the TUI, found on disk so a new one cannot slip by.
CORE = sorted(module.name for module in pkgutil.walk_packages(coach.__path__, "coach.")
              if not module.name.startswith(("coach.tui", "coach.__main__")))


def modules_after_import(*names: str) -> set[str]:
    code = ("import sys\n" + "".join(f"import {n}\n" for n in names) +
            "print('\\n'.join(sorted(sys.modules)))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    return set(out.split())


def test_core_does_not_import_textual():
    loaded = modules_after_import(*CORE)
    assert not {m for m in loaded if m == "textual" or m.startswith("textual.")}


def test_tui_entry_keeps_database_and_yaml_off_the_startup_path():
    loaded = modules_after_import("coach.tui.app")
    heavy = {"sqlmodel", "sqlalchemy", "yaml", "pydantic", "snowballstemmer"}
    assert not heavy & {m.split(".")[0] for m in loaded}


def test_importing_every_module_reads_no_pack_and_opens_no_database(tmp_path):
    home = tmp_path / "home"
    code = (
        "import yaml, sqlalchemy\n"
        "def refuse(*a, **k): raise AssertionError('work done at import time')\n"
        "for name in ('SafeLoader', 'CSafeLoader'):\n"
        "    if hasattr(yaml, name): setattr(getattr(yaml, name), '__init__', refuse)\n"
        "sqlalchemy.create_engine = refuse\n"
        + "".join(f"import {name}\n" for name in [*CORE, "coach.tui.app"])
    )
    env = {**os.environ, "COACH_HOME": str(home)}
    subprocess.run([sys.executable, "-c", code], check=True, env=env)
    assert not home.exists()
