import pytest

from coach.domain.rubric import Concept
from coach.scoring.matcher import ConceptMatcher
from coach.scoring.text import sentences

CONCEPTS = {
    "cache": Concept(label="cache", terms=["cache", "in-memory cache"], products=["Redis"]),
    "queue": Concept(label="message queue", terms=["message queue", "queue"],
                     products=["Kafka"]),
    "replication": Concept(label="replication", terms=["replication", "read replica"]),
    "fanout": Concept(label="fan-out", terms=["fan-out"]),
    "out_of_scope": Concept(label="out of scope", terms=["not in scope", "out of scope"]),
}


@pytest.fixture(scope="module")
def matcher():
    return ConceptMatcher(CONCEPTS)


def affirmed(matcher, text):
    return {hit.concept_id for s in sentences(text) for hit in matcher.find(s) if not hit.negated}


def negated(matcher, text):
    return {hit.concept_id for s in sentences(text) for hit in matcher.find(s) if hit.negated}


@pytest.mark.parametrize("text", [
    "We put a cache in front of the database.",
    "Caching the hot keys cuts reads.",          # stemmed
    "Hot rows live in REDIS.",                    # product, any case
    "An in\u2011memory cache holds sessions.",    # non-breaking hyphen (Unicode)
])
def test_finds_terms_stems_and_products(matcher, text):
    assert "cache" in affirmed(matcher, text)


def test_compound_words_match_both_ways(matcher):
    assert "fanout" in affirmed(matcher, "Fanout happens on write.")
    assert "fanout" in affirmed(matcher, "We fan out each post to followers.")


@pytest.mark.parametrize("text", [
    "We will not use a cache.",
    "No replication.",
    "It works without a queue.",
    "We don't need Kafka here.",
])
def test_negated_mentions_earn_nothing(matcher, text):
    assert affirmed(matcher, text) == set()
    assert negated(matcher, text)


def test_negation_stops_at_a_contrast_or_clause(matcher):
    assert affirmed(matcher, "No cache, but a queue absorbs bursts.") == {"queue"}
    assert affirmed(matcher, "Not only a cache but replication too.") == {"cache", "replication"}
    assert "queue" in affirmed(matcher, "There is no cache; a queue buffers writes.")


def test_negation_reaches_only_a_few_words(matcher):
    text = "Nothing here is not obvious to the reader when we add a cache."
    assert "cache" in affirmed(matcher, text)


def test_a_term_that_itself_negates_is_not_cancelled(matcher):
    assert "out_of_scope" in affirmed(matcher, "Video calls are not in scope.")


def test_product_hits_are_marked(matcher):
    hits = [h for s in sentences("Use Kafka and a queue.") for h in matcher.find(s)]
    assert {(h.term, h.is_product) for h in hits} == {("Kafka", True), ("queue", False)}


def test_a_longer_phrase_of_another_concept_wins():
    matcher = ConceptMatcher({
        "functional": Concept(label="functional requirement", terms=["functional requirement"]),
        "non_functional": Concept(label="non-functional requirement",
                                  terms=["non-functional requirement"]),
        "consistency": Concept(label="consistency", terms=["consistent"]),
        "hashing": Concept(label="consistent hashing", terms=["consistent hashing"]),
    })
    assert affirmed(matcher, "Non-functional requirements first.") == {"non_functional"}
    assert affirmed(matcher, "Place keys by consistent hashing.") == {"hashing"}
    assert affirmed(matcher, "Reads are consistent; functional requirements are set.") == {
        "consistency", "functional"}


FRIENDS = {
    "availability": Concept(label="availability", terms=["availability", "highly available"]),
    "consistency": Concept(label="consistency", terms=["consistency", "strongly consistent"]),
    "replication": Concept(label="replication", terms=["replication"]),
    "datastore": Concept(label="data store", terms=["datastore"]),
    "idempotency": Concept(label="idempotency", terms=["idempotency"]),
}


@pytest.mark.parametrize(("text", "expected"), [
    ("Matching picks one of the available drivers.", set()),
    ("The record consists of three fields.", set()),
    ("The service must stay highly available.", {"availability"}),
    ("Availability matters more than consistency here.", {"availability", "consistency"}),
    ("Balances are strongly consistent.", {"consistency"}),
])
def test_abstract_nouns_do_not_match_their_adjectives(text, expected):
    assert affirmed(ConceptMatcher(FRIENDS), text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Async replicaton to two followers.", {"replication"}),     # one letter dropped
    ("Idempotancy keys protect retries.", {"idempotency"}),      # one letter swapped
    ("Rows go to the data store.", {"datastore"}),               # one-word term split in two
    ("We shard the rows.", set()),                               # short words are not guessed
])
def test_typos_in_long_words_and_split_compounds_still_match(text, expected):
    assert affirmed(ConceptMatcher(FRIENDS), text) == expected


def test_a_problem_phrase_does_not_hide_the_shared_term_inside_it():
    concepts = {
        "sharding": Concept(label="sharding", terms=["shard"]),
        "consistency": Concept(label="consistency", terms=["consistency"]),
        "consistent_hashing": Concept(label="consistent hashing", terms=["consistent hashing"]),
        "geo_shard": Concept(label="sharding by city", terms=["shard by city"]),
    }
    matcher = ConceptMatcher(concepts, own=frozenset({"geo_shard"}))
    assert affirmed(matcher, "We shard by city.") == {"sharding", "geo_shard"}
    assert affirmed(matcher, "Consistency of the ring comes from consistent hashing.") == {
        "consistency", "consistent_hashing"}
    assert affirmed(matcher, "Keys are placed with consistent hashing.") == {
        "consistent_hashing"}


def test_terse_abbreviations_read_as_their_words():
    matcher = ConceptMatcher({"service": Concept(label="location service",
                                                 terms=["location service"])})
    assert affirmed(matcher, "Location svc keeps the latest position.") == {"service"}
