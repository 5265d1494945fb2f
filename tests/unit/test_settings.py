from coach.cli import run
from coach.domain.level import Level
from coach.settings import Settings, load_settings, save_settings, settings_path


def test_defaults_when_nothing_is_saved():
    assert load_settings() == (Settings(), None)


def test_saved_level_comes_back(isolated_home):
    save_settings(Settings().with_level(Level.STAFF))
    assert load_settings() == (Settings(level=Level.STAFF), None)
    assert settings_path().parent == isolated_home


def test_a_broken_file_gives_defaults_and_says_where():
    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('{\n  "level": staff\n}')
    settings, warning = load_settings()
    assert settings == Settings()
    assert f"{path}:2:" in warning
    path.write_text('{"level": "principal"}')
    assert "level: 'principal' is not one of mid, senior, staff" in load_settings()[1]


def test_score_uses_the_saved_level_unless_told(tmp_path, capsys):
    import json

    answer = tmp_path / "a.md"
    answer.write_text("## 1. Clarify requirements\nUsers post and read a feed.\n")
    save_settings(Settings(level=Level.MID))
    assert run(["score", "--problem", "newsfeed", str(answer), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["level"] == "mid"
    assert run(["score", "--problem", "newsfeed", str(answer), "--json", "--level", "staff"]) == 0
    assert json.loads(capsys.readouterr().out)["level"] == "staff"
