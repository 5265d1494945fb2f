import pytest


@pytest.mark.parametrize(("query", "expected"), [
    ("", {"ride-sharing", "newsfeed", "file-sharing"}),
    ("news", {"newsfeed"}),
    ("hard", {"ride-sharing"}),
    ("geo", {"ride-sharing"}),                 # a tag prefix
    ("core", {"ride-sharing", "newsfeed", "file-sharing"}),   # the pack
    ("medium fan", {"newsfeed"}),              # every word must match
    ("hard fan", set()),
])
def test_catalog_filter_matches_title_tag_difficulty_and_pack(catalog, query, expected):
    found = {entry.id for entry in catalog.matching(query)}
    core = {"ride-sharing", "newsfeed", "file-sharing"}
    assert found & core == expected
