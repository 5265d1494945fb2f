import pytest

from coach.domain.rubric import Concept
from coach.scoring.analysis import analyse
from coach.scoring.matcher import ConceptMatcher

CONCEPTS = {
    "cache": Concept(label="cache", terms=["cache"], products=["Redis"]),
    "queue": Concept(label="message queue", terms=["message queue"], products=["Kafka"]),
    "sharding": Concept(label="sharding", terms=["sharding", "shard"]),
    "cdn": Concept(label="CDN", terms=["CDN"]),
    "latency": Concept(label="latency", terms=["latency"]),
    "lb": Concept(label="load balancer", terms=["load balancer", "LB"]),
}
MATCHERS = [ConceptMatcher(CONCEPTS)]


def earned(text: str) -> set[str]:
    return set(analyse(text, MATCHERS).affirmed)


def listed(text: str) -> set[str]:
    return set(analyse(text, MATCHERS).listed)


@pytest.mark.parametrize("text", [
    "Redis, Kafka, sharding, CDN and a load balancer.",
    "- Redis\n- Kafka\n- sharding",
    "We use Redis.",
    "Storage: Redis",
    "We will use all of these: Kafka, CDN, sharding, Redis.",
])
def test_bare_lists_and_lone_terms_earn_nothing(text):
    assert earned(text) == set()
    assert listed(text)


@pytest.mark.parametrize(("text", "expected"), [
    ("A Redis cache in front of the rides table keeps reads fast.", {"cache"}),
    ("Latency: p99 under 200 ms for a match.", {"latency"}),
    ("Kafka buffers location pings so the writers can batch them.", {"queue"}),
    ("We shard by city id, so one region's load stays on its own nodes.", {"sharding"}),
    ("client -> LB -> Redis", {"lb", "cache"}),  # a flow states how parts connect
])
def test_sentences_that_say_what_or_why_earn_the_concept(text, expected):
    assert earned(text) == expected


def test_a_repeated_sentence_frame_is_stuffing():
    frame = "\n".join(f"We use {term} to improve performance and reliability everywhere."
                      for term in ("Redis", "Kafka", "sharding", "a CDN"))
    assert earned(frame) == set()
    single = "We use Redis to improve performance and reliability everywhere."
    assert earned(single) == {"cache"}


def test_a_label_line_alone_earns_nothing_but_its_content_does():
    assert earned("Latency:") == set()
    assert earned("Latency:\n- p99 latency under 200 ms when matching") == {"latency"}


def test_a_list_in_a_step_that_mostly_explains_itself_is_shorthand_and_counts():
    text = ("A Redis cache in front of the rides table keeps reads fast.\n"
            "Kafka buffers location pings so the writers can batch them.\n"
            "Latency: p99 under 200 ms for a match.\n"
            "Also: sharding, CDN, load balancer.")
    assert {"sharding", "cdn", "lb"} <= earned(text)
    assert listed(text) == set()
