"""User settings kept between runs (settings.json in the data home): the target level."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, replace
from pathlib import Path

from coach import paths
from coach.domain.level import Level

FILE_NAME = "settings.json"


@dataclass(frozen=True)
class Settings:
    level: Level = Level.SENIOR

    def with_level(self, level: Level) -> Settings:
        return replace(self, level=level)


def settings_path() -> Path:
    return paths.data_home() / FILE_NAME


def load_settings() -> tuple[Settings, str | None]:
    """The saved settings, or the defaults and a warning saying what was wrong and where."""
    path = settings_path()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return Settings(), None
    except json.JSONDecodeError as error:
        return Settings(), f"{path}:{error.lineno}: not valid JSON ({error.msg}); using defaults"
    except (OSError, UnicodeDecodeError) as error:
        return Settings(), f"{path}: cannot read ({error}); using defaults"
    level = data.get("level", Level.SENIOR.value) if isinstance(data, dict) else None
    if level not in {item.value for item in Level}:
        choices = ", ".join(item.value for item in Level)
        return Settings(), f"{path}: level: {level!r} is not one of {choices}; using senior"
    return Settings(level=Level(level)), None


def save_settings(settings: Settings) -> None:
    """Write atomically, so a crash never leaves half a file behind."""
    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".json.tmp")
    partial.write_text(json.dumps({"level": settings.level.value}, indent=2) + "\n",
                       encoding="utf-8")
    os.replace(partial, path)
