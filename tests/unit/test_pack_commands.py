"""coach packs install / list / remove / schema: packs in and out of the user folder, safely."""

import json
import zipfile

import pytest

from coach import paths
from coach.cli import run
from tests.unit.test_loader import make_pack, valid_problem_text


def test_schema_describes_the_problem_format(capsys):
    assert run(["packs", "schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema["additionalProperties"] is False
    assert {"id", "title", "prompt", "steps", "facts", "estimates"} <= set(schema["properties"])
    assert run(["packs", "schema", "--manifest"]) == 0
    assert "licence" in json.loads(capsys.readouterr().out)["properties"]


def test_install_list_and_remove_a_folder_pack(tmp_path, capsys):
    pack = make_pack(tmp_path, {"mine.yaml": valid_problem_text("my-feed")})
    assert run(["packs", "install", str(pack)]) == 0
    assert "installed mine 1 (1 problems)" in capsys.readouterr().out
    assert (paths.user_packs_dir() / "mine" / "mine.yaml").is_file()
    assert run(["packs", "list", "--json"]) == 0
    listed = {p["id"]: p for p in json.loads(capsys.readouterr().out)["packs"]}
    assert listed["mine"]["where"] == "installed" and listed["mine"]["problems"] == 1
    assert listed["core"]["where"] == "built-in"
    assert run(["packs", "install", str(pack)]) == 1  # already there
    assert "--replace" in capsys.readouterr().err
    assert run(["packs", "install", str(pack), "--replace"]) == 0
    assert run(["packs", "remove", "mine"]) == 0
    assert not (paths.user_packs_dir() / "mine").exists()
    capsys.readouterr()
    assert run(["packs", "remove", "core"]) == 1
    assert "built-in" in capsys.readouterr().err


def test_a_pack_with_errors_is_not_installed_and_every_error_is_listed(tmp_path, capsys):
    broken = valid_problem_text("broken").replace("title: News feed", "titel: News feed", 1)
    pack = make_pack(tmp_path, {"a.yaml": broken, "b.yaml": "id: [unclosed\n"})
    assert run(["packs", "install", str(pack)]) == 1
    err = capsys.readouterr().err
    assert "not installed, 3 error(s)" in err and "a.yaml" in err and "b.yaml" in err
    assert "did you mean 'title'" in err
    assert not (paths.user_packs_dir() / "mine").exists()


def zipped(tmp_path, members: dict[str, bytes], name="pack.zip"):
    archive = tmp_path / name
    with zipfile.ZipFile(archive, "w") as out:
        for member, data in members.items():
            out.writestr(member, data)
    return archive


def test_a_zipped_pack_installs_from_its_top_folder(tmp_path, capsys):
    manifest = b"id: zipped\nname: Zipped\nversion: '2'\ndescription: test\n"
    archive = zipped(tmp_path, {"zipped/pack.yaml": manifest,
                                "zipped/feed.yaml": valid_problem_text("zip-feed").encode()})
    assert run(["packs", "install", str(archive)]) == 0
    assert (paths.user_packs_dir() / "zipped" / "feed.yaml").is_file()


@pytest.mark.parametrize(("member", "reason"), [
    ("../evil.yaml", "points outside the pack"),
    ("/etc/evil.yaml", "points outside the pack"),
])
def test_unsafe_zips_are_refused(tmp_path, capsys, member, reason):
    archive = zipped(tmp_path, {"pack.yaml": b"id: x\n", member: b"x: 1\n"})
    assert run(["packs", "install", str(archive)]) == 1
    assert reason in capsys.readouterr().err
    assert not paths.user_packs_dir().exists() or not any(paths.user_packs_dir().iterdir())


def test_links_and_huge_members_in_a_zip_are_refused(tmp_path, capsys):
    archive = tmp_path / "link.zip"
    with zipfile.ZipFile(archive, "w") as out:
        link = zipfile.ZipInfo("pack.yaml")
        link.external_attr = (0o120777 << 16)  # a symbolic link
        out.writestr(link, "/etc/passwd")
    assert run(["packs", "install", str(archive)]) == 1
    assert "is a link" in capsys.readouterr().err
    huge = zipped(tmp_path, {"pack.yaml": b"id: x\n", "big.yaml": b"a" * 2_000_001}, "big.zip")
    assert run(["packs", "install", str(huge)]) == 1
    assert "limit" in capsys.readouterr().err


def test_a_new_pack_validates_and_carries_schemas_for_editors(tmp_path, capsys):
    assert run(["packs", "new", "Fintech problems", "--dir", str(tmp_path)]) == 0
    pack = tmp_path / "fintech-problems"
    example = (pack / "example-problem.yaml").read_text()
    assert example.startswith("# yaml-language-server: $schema=pack-problem.schema.json")
    assert json.loads((pack / "pack-problem.schema.json").read_text())["properties"]["facts"]
    capsys.readouterr()
    assert run(["packs", "validate", str(pack)]) == 0
    assert "1 problem: 0 errors" in capsys.readouterr().out
    assert run(["packs", "new", "Fintech problems", "--dir", str(tmp_path)]) == 1
    assert "already exists" in capsys.readouterr().err


def test_a_problem_with_a_built_in_id_is_reported(tmp_path, capsys):
    pack = make_pack(tmp_path, {"feed.yaml": valid_problem_text("newsfeed")})
    assert run(["packs", "validate", str(pack)]) == 1
    assert "'newsfeed' is a built-in problem" in capsys.readouterr().out
