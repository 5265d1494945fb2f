"""The built-in catalog: the problems interviews ask, each deep enough to coach every step."""

import pytest

REQUIRED = {
    "ride-sharing", "newsfeed", "file-sharing", "url-shortener", "pastebin", "chat",
    "video-streaming", "web-crawler", "rate-limiter", "search-autocomplete",
    "notification-system", "distributed-cache", "key-value-store", "unique-id-generator",
    "ticket-booking", "proximity-service", "photo-sharing", "top-k", "payment-system",
    "metrics-monitoring", "message-queue", "collaborative-editor",
}


def built_in(catalog):
    return [entry for entry in catalog.entries if entry.pack_id == "core"]


def test_the_catalog_has_the_problems_interviews_ask(catalog):
    ids = {entry.id for entry in built_in(catalog)}
    assert ids >= REQUIRED
    assert len(ids) >= 25


def test_every_problem_is_deep_enough_to_coach_each_step(catalog):
    for entry in built_in(catalog):
        problem = entry.problem
        important = sum(fact.important for fact in problem.facts)
        assert len(problem.facts) >= 8 and 4 <= important <= 6, entry.id
        assert len(problem.estimates) >= 2, entry.id
        assert len(problem.prompt.split()) <= 90, entry.id  # short, as an interviewer says it
        for number in range(1, 8):
            step = problem.steps.by_number(number)
            assert 2 <= len(step.hints) <= 3, (entry.id, number)
            if number < 7:
                assert len(step.criteria) >= 3, (entry.id, number)


@pytest.fixture(scope="module")
def reference_totals(catalog, scorer):
    """Each problem's reference answer scored on every built-in problem."""
    entries = built_in(catalog)
    totals = {}
    for entry in entries:
        texts = [entry.problem.steps.by_number(n).reference for n in range(1, 8)]
        totals[entry.id] = {other.id: scorer.score(other.problem, texts).total
                            for other in entries}
    return totals


# Problems that are variations of each other: an Instagram answer is a news feed answer
# with photos. Their references only have to come out ahead of each other.
SIBLINGS = {frozenset({"photo-sharing", "newsfeed"})}


def test_every_reference_scores_high_on_its_own_problem_and_lower_elsewhere(reference_totals):
    for problem_id, scores in reference_totals.items():
        own = scores[problem_id]
        assert own >= 85, (problem_id, own)
        for other, total in scores.items():
            if other == problem_id:
                continue
            margin = 5 if frozenset({problem_id, other}) in SIBLINGS else 20
            assert total <= own - margin, (problem_id, own, other, total)
