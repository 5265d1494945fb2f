"""Where coach finds its built-in content and keeps the user's data."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "coach"
PACKAGE_DIR = Path(__file__).resolve().parent


def bundled_dir(name: str) -> Path:
    """`problems` or `rubrics`: inside the wheel, or at the top of a source checkout."""
    installed = PACKAGE_DIR / "_bundled" / name
    if installed.is_dir():
        return installed
    return PACKAGE_DIR.parent / name


def data_home() -> Path:
    """COACH_HOME if set, else the platform's user data directory."""
    override = os.environ.get("COACH_HOME")
    if override:
        return Path(override).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False))


def database_path(override: str | os.PathLike[str] | None = None) -> Path:
    """--db beats COACH_DB beats the data home."""
    chosen = override or os.environ.get("COACH_DB")
    if chosen:
        return Path(chosen).expanduser()
    return data_home() / "coach.db"


def user_packs_dir() -> Path:
    return data_home() / "packs"


def export_dir() -> Path:
    """Where the app writes exported attempts; the caller creates it when writing."""
    return data_home() / "exports"


def extra_pack_dirs() -> list[Path]:
    """Folders named in COACH_PACKS (os.pathsep-separated), each a pack or a folder of packs."""
    raw = os.environ.get("COACH_PACKS", "")
    return [Path(part).expanduser() for part in raw.split(os.pathsep) if part.strip()]
