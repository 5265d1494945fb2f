import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coach.scoring.flow import (
    MAX_NODE_WORDS,
    FlowEdge,
    FlowGraph,
    FlowNode,
    line_numbers_of_path,
    parse_flow,
)

CONCEPTS = {
    "client": "client", "clients": "client", "mobile app": "client",
    "load balancer": "lb", "lb": "lb", "alb": "lb",
    "api": "api", "api server": "api", "api servers": "api",
    "cache": "cache", "redis": "cache",
    "db": "database", "database": "database", "postgres": "database",
    "queue": "queue", "kafka": "queue",
    "worker": "worker", "workers": "worker",
}


def resolve(text):
    return CONCEPTS.get(text.lower())


def edges(text):
    return {(e.source, e.target) for e in parse_flow(text, resolve).edges}


CHAIN = {("client", "lb"), ("lb", "api")}


@pytest.mark.parametrize("text", [
    "client -> load balancer -> api",
    "client --> lb --> api",
    "client → LB → API",
    "client => lb => api",
    "client ⟶ lb ⟶ api",
    "client -(HTTPS)-> lb --routes--> api",
    "client -- TLS --> lb -->|round robin| api",
    "- client -> lb -> api",
    "* client -> lb -> api",
    "1. client -> lb -> api",
    "`client -> lb -> api`",
    "**client** -> lb -> api",
    "```\nclient -> lb -> api\n```",
    "api <- lb <- client",
    "client -> lb\nlb -> api",
    "client -> lb\n  -> api",
    "client\n  -> lb\n  -> api",
    "Flow: client -> lb -> api.",
    "Write path: client -> lb -> api. Then we scale out.",
    "client (mobile) -> lb (L7, TLS) -> api (stateless)",
    "the client -> a load balancer -> the API servers",
])
def test_notations_give_the_same_chain(text):
    assert edges(text) == CHAIN


@pytest.mark.parametrize("text", [
    "api -> cache, db",
    "api -> {cache, db}",
    "api -> [cache, db]",
    "api -> cache / db",
    "api -> cache and db",
    "api -> cache & db",
    "api -> redis (hot keys, 1h TTL), postgres",
])
def test_branches_fan_out_to_each(text):
    assert edges(text) == {("api", "cache"), ("api", "database")}


def test_fan_in_and_fan_out_in_the_middle_of_a_chain():
    assert edges("client -> api, worker -> db") == {
        ("client", "api"), ("client", "worker"), ("api", "database"), ("worker", "database")}


@pytest.mark.parametrize("arrow", ["<->", "↔", "<=>", "<-->"])
def test_two_way_arrows_add_both_directions(arrow):
    assert edges(f"client {arrow} api") == {("client", "api"), ("api", "client")}


@pytest.mark.parametrize("arrow", ["<-", "←", "<--"])
def test_reverse_arrows(arrow):
    assert edges(f"db {arrow} worker") == {("worker", "database")}


def test_edge_labels_are_kept_and_do_not_become_nodes():
    graph = parse_flow("client -(HTTPS)-> lb\napi --writes--> db", resolve)
    assert {n.key for n in graph.nodes} == {"client", "lb", "api", "database"}
    assert {e.label for e in graph.edges} == {"HTTPS", "writes"}


def test_parenthetical_note_is_stripped_but_can_name_the_concept():
    graph = parse_flow("api (stateless) -> store (Postgres)", resolve)
    assert {n.key for n in graph.nodes} == {"api", "database"}
    assert graph.node("database").label == "store"


def test_unresolved_nodes_are_keyed_by_normalised_text_and_merged():
    graph = parse_flow("api -> Ride  Service\nthe ride service -> db", resolve)
    ride = graph.node("ride service")
    assert ride is not None and ride.concept_id is None and ride.label == "Ride Service"
    assert edges("api -> Ride Service\nthe ride service -> db") == {
        ("api", "ride service"), ("ride service", "database")}


def test_same_concept_under_two_names_is_one_node_and_self_loops_are_dropped():
    graph = parse_flow("client -> api server -> API -> redis -> cache", resolve)
    assert [n.key for n in graph.nodes] == ["client", "api", "cache"]
    assert {(e.source, e.target) for e in graph.edges} == {("client", "api"), ("api", "cache")}


def test_mermaid_ids_resolve_to_their_labels():
    text = "flowchart LR\n  A[Client] --> B[(Postgres)]\n  A -->|reads| C{{Redis}}\n  C --> B"
    assert edges(text) == {("client", "database"), ("client", "cache"), ("cache", "database")}


def test_line_numbers_are_one_based_and_first_mention_wins():
    graph = parse_flow("intro\nclient -> api\n\nclient -> api -> db", resolve)
    assert {(e.source, e.target): e.line_number for e in graph.edges} == {
        ("client", "api"): 2, ("api", "database"): 4}


PROSE = ("We decided that the requests should flow from the mobile client -> through many "
         "layers before finally reaching the primary database cluster.")


@pytest.mark.parametrize("text", [
    PROSE,
    "Step 3 -> 4",
    "step 1 -> step 2 -> step 3",
    "1 -> 2 -> 3",
    "QPS grows 10k -> 100k at peak",
    "x > y and y >= z, so a >> b",
    "if a <= b then c >= d",
    "see https://example.com/a->b?x=1 for details",
    "mail ops->alerts@example.com",
    "www.example.com/x->y",
    "no arrows here at all",
    "<!-- a comment -->",
    "->",
    "-> -> ->",
    "",
])
def test_prose_numbers_comparisons_and_urls_give_no_edges(text):
    assert parse_flow(text, resolve).edges == ()


def test_long_segments_never_become_nodes():
    graph = parse_flow(PROSE + "\n" + "client -> " + " ".join(["word"] * 20) + " -> db", resolve)
    assert all(len(n.label.split()) <= MAX_NODE_WORDS for n in graph.nodes)
    assert graph.edges == ()


def test_sentence_around_a_short_flow_keeps_only_the_flow():
    assert edges("In short: client -> api -> db. We shard the db by user.") == {
        ("client", "api"), ("api", "database")}


def test_a_sentence_break_between_arrows_breaks_the_chain():
    assert edges("client -> api; worker -> db") == {("client", "api"), ("worker", "database")}


# --- paths -------------------------------------------------------------------

FLOW = """
1. client -> load balancer -> api
2. api -> cache, kafka
3. kafka -> worker -> db
4. worker -> kafka
"""


@pytest.fixture(scope="module")
def graph():
    return parse_flow(FLOW, resolve)


@pytest.mark.parametrize(("path", "found"), [
    (["client", "database"], True),          # through lb, api, queue, worker
    (["client", "api", "database"], True),
    (["client", "cache"], True),
    (["api", "queue", "worker"], True),
    (["worker", "queue"], True),             # the cycle is an ordinary edge here
    (["database", "client"], False),         # direction matters
    (["cache", "database"], False),          # a dead end
    (["api", "client"], False),
    (["client", "search"], False),           # unknown concept
    (["database", "worker", "queue"], False),
])
def test_has_path_is_ordered_reachability(graph, path, found):
    assert graph.has_path(path) is found


def test_path_lines_are_the_evidence_for_the_shortest_walk(graph):
    assert graph.path_lines(["client", "cache"]) == (2, 3)
    assert line_numbers_of_path(graph, ["client", "database"]) == (2, 3, 4)
    assert graph.path_lines(["database", "client"]) == ()
    walk = graph.find_path(["client", "api"])
    assert [(e.source, e.target) for e in walk] == [("client", "lb"), ("lb", "api")]


def test_cycles_do_not_loop_forever():
    cyclic = parse_flow("a -> b -> c -> a\nc -> d", resolve)
    assert cyclic.has_path(["a", "d"])
    assert not cyclic.has_path(["d", "a"])
    assert cyclic.successors("c") == ("a", "d")


def test_has_node_and_successors(graph):
    assert graph.has_node("queue") and not graph.has_node("search")
    assert set(graph.successors("api")) == {"cache", "queue"}
    assert graph.successors("nope") == ()


def test_graph_built_by_hand():
    hand = FlowGraph((FlowNode("a", "A", "x"), FlowNode("b", "B", None)),
                     (FlowEdge("a", "b", 1),))
    assert hand.has_path(["x", "b"]) and not hand.has_path(["b", "x"])


def test_a_long_answer_parses_quickly():
    filler = "We shard the rides table by city and keep hot rows in memory for speed. " * 200
    text = filler + "\n" + "\n".join(["- client -> lb -> api -> cache, db"] * 20) + "\n" + filler
    assert len(text.split()) >= 3000
    start = time.perf_counter()
    for _ in range(10):
        parsed = parse_flow(text, resolve)
    assert (time.perf_counter() - start) / 10 < 0.05  # generous; ~1 ms on a laptop
    assert parsed.has_path(["client", "database"])


# --- never raises -------------------------------------------------------------

ARROWISH = st.text(alphabet="abc xyz-><=→←↔,{}()/|.:\n`*[]0123", max_size=300)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=400), ARROWISH))
def test_parse_never_raises_and_keeps_edges_between_known_nodes(text):
    graph = parse_flow(text, lambda t: {"abc": "A", "xyz": "X"}.get(t.lower()))
    keys = {n.key for n in graph.nodes}
    assert all(e.source in keys and e.target in keys and e.source != e.target
               for e in graph.edges)
    assert all(1 <= len(n.label.split()) <= MAX_NODE_WORDS for n in graph.nodes)
    for a in keys:
        for b in keys:
            graph.has_path([a, b])


N = 20_000


@pytest.mark.parametrize("text", [
    "-" * N + "<", "=" * N + "<", "<" + "-" * N, "a-" * N + ">", "(a" * N + " -> b",
    "flowchart LR\n" + "a[" * N + " --> b", "x@" * N + "->", "http://" + "a" * N + " -> b",
    "a -> " * N, "a, " * N + "-> b", "--" + "a" * N + "-->", "<-" * N,
], ids=lambda text: repr(text[:16]))
def test_pathological_lines_take_linear_time(text):
    start = time.perf_counter()
    parse_flow(text, resolve)
    assert time.perf_counter() - start < 1.0  # quadratic backtracking would take minutes


def test_a_path_may_pass_through_a_node_by_another_concept_it_names():
    concepts = {"redis": "cache", "h3 cells": "geo_index", "location service": "location"}

    def resolve(name):
        return concepts.get(name.lower())

    def also(name):
        return [c for term, c in concepts.items() if term in name.lower()]

    graph = parse_flow("driver -> location service -> Redis (H3 cells)", resolve, also)
    assert graph.has_path(["location", "geo_index"])
    assert graph.has_path(["location", "cache"])
    assert not parse_flow("driver -> location service -> Redis", resolve, also).has_path(
        ["location", "geo_index"])


def test_a_key_pattern_does_not_name_the_component():
    graph = parse_flow("fan-out worker -> Redis feed:{follower_id}", lambda name: {
        "redis feed": "feed_cache", "fan-out worker": "fanout"}.get(name.lower()))
    assert graph.has_path(["fanout", "feed_cache"])
