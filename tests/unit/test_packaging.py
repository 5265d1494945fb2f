"""A regular (non-editable) install carries the built-in problems and rubrics."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_wheel_contains_content_and_works_outside_the_checkout(tmp_path):
    dist = tmp_path / "dist"
    subprocess.run([sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps",
                    "--no-build-isolation", "--quiet", "-w", str(dist)], check=True)
    (wheel,) = dist.glob("coach-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "coach/_bundled/rubrics/generic.yaml" in names
    assert "coach/_bundled/rubrics/lexicon.yaml" in names
    assert "coach/_bundled/problems/core/ride-sharing.yaml" in names
    assert "coach/tui/app.tcss" in names
    assert "coach/packs/scaffold/example-problem.yaml" in names  # for `coach packs new`

    site = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "--quiet",
                    "--target", str(site), str(wheel)], check=True)
    code = ("import json, coach, coach.paths as p\n"
            "from coach.packs.loader import load_catalog\n"
            "c = load_catalog(extra_roots=[])\n"
            "print(coach.__file__); print(p.bundled_dir('problems'))\n"
            "print(json.dumps([e.id for e in c.entries])); print(len(c.issues))\n")
    env = {**os.environ, "PYTHONPATH": str(site), "COACH_HOME": str(tmp_path / "home")}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, cwd=tmp_path, env=env).stdout.splitlines()
    assert out[0].startswith(str(site))  # the installed copy, not the checkout
    assert out[1].startswith(str(site))
    assert {"ride-sharing", "newsfeed", "file-sharing", "url-shortener"} <= set(
        json.loads(out[2]))
    assert len(json.loads(out[2])) >= 25
    assert out[3] == "0"
