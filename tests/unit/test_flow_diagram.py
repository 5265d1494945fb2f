import re
import unicodedata
from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coach.export.flow_diagram import draw_flow, mermaid_flow
from coach.scoring.flow import FlowEdge, FlowGraph, FlowNode, parse_flow

CONCEPTS = {"client": "client", "load balancer": "lb", "api": "api", "cache": "cache",
            "db": "database", "queue": "queue", "worker": "worker"}
LABELS = {"lb": "Load balancer", "database": "Database"}


def resolve(text):
    return CONCEPTS.get(text.lower())


def cells(line):
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line)


def box_centres(lines, row):
    """Column of the middle of each box label on a box row: {label: centre column}."""
    return {m.group(1).strip(): m.start() + (m.end() - m.start()) // 2
            for m in re.finditer(r"│([^│]+)│", lines[row])}


MAIN = "client -> load balancer -> api -> cache, db"


def test_chain_with_fan_out():
    lines = draw_flow(parse_flow(MAIN, resolve), 80, LABELS)
    assert "\n".join(lines) == "\n".join([
        "       ┌────────┐",
        "       │ client │",
        "       └────────┘",
        "            │",
        "            ▼",
        "    ┌───────────────┐",
        "    │ Load balancer │",
        "    └───────────────┘",
        "            │",
        "            ▼",
        "         ┌─────┐",
        "         │ api │",
        "         └─────┘",
        "            │",
        "    ┌───────┴─────┐",
        "    ▼             ▼",
        "┌───────┐   ┌──────────┐",
        "│ cache │   │ Database │",
        "└───────┘   └──────────┘",
    ])


def test_without_labels_the_node_text_is_shown():
    text = "\n".join(draw_flow(parse_flow(MAIN, resolve), 80))
    assert "│ load balancer │" in text and "│ db │" in text and "Database" not in text


def test_fan_in_draws_one_bus_into_the_target():
    lines = draw_flow(parse_flow("api -> db\nworker -> db", resolve), 80)
    assert lines[3].count("│") == 2 and "└" in lines[4] and "┘" in lines[4]
    assert lines[5].count("▼") == 1 and "Also:" not in lines


def decode(lines):
    """Read a drawing back into (drawn edges, listed edges) as label pairs. Works for ASCII
    labels: string index = column."""
    listed = set()
    if "Also:" in lines:
        for line in lines[lines.index("Also:") + 1:]:
            source, target = line.strip().split(" ──▶ ")
            listed.add((source, target))
        lines = lines[:lines.index("Also:")]
    rows = [r for r in range(len(lines) - 2)
            if "┌" in lines[r] and "└" in lines[r + 2]]  # top line of each box row
    boxes = {r: {m.start() + (m.end() - m.start()) // 2: m.group(1).strip()
                 for m in re.finditer(r"│([^│]+)│", lines[r + 1])} for r in rows}
    drawn = set()
    for upper, lower in pairwise(rows):
        between = lines[upper + 3:lower]
        ups = [c for c, ch in enumerate(between[0]) if ch == "│"]
        downs = [c for c, ch in enumerate(between[-1]) if ch == "▼"]
        if len(between) == 3:
            spans = [m.span() for m in re.finditer(r"\S+", between[1])]
        else:
            spans = [(c, c + 1) for c in ups]
        for lo, hi in spans:
            drawn |= {(boxes[upper][u], boxes[lower][d]) for u in ups if lo <= u < hi
                      for d in downs if lo <= d < hi}
    return drawn, listed


def edge_names(graph, labels=None):
    name = {n.key: (labels or {}).get(n.concept_id or "", "") or n.label for n in graph.nodes}
    return {(name[e.source], name[e.target]) for e in graph.edges}


def assert_every_edge_once(graph, lines, labels=None):
    drawn, listed = decode(lines)
    assert not drawn & listed
    assert drawn | listed == edge_names(graph, labels)
    return drawn, listed


def test_decoder_reads_the_main_example():
    graph = parse_flow(MAIN, resolve)
    drawn, listed = assert_every_edge_once(graph, draw_flow(graph, 80, LABELS), LABELS)
    assert listed == set() and ("api", "Database") in drawn


def test_back_edges_and_skip_layer_edges_are_listed():
    graph = parse_flow("client -> api -> queue -> worker -> db\napi -> db\nworker -> api",
                       resolve)
    lines = draw_flow(graph, 80)
    drawn, listed = assert_every_edge_once(graph, lines)
    assert listed == {("api", "db"), ("worker", "api")}
    assert lines.count("Also:") == 1 and len(drawn) == 4


def test_partial_groups_are_listed_not_drawn_as_a_misleading_bus():
    # a feeds b and c, d feeds only c: a bus over {a, d} x {b, c} would invent d -> b.
    graph = parse_flow("a -> b, c\nd -> c", resolve)
    lines = draw_flow(graph, 80)
    _, listed = assert_every_edge_once(graph, lines)
    assert listed == {("a", "b"), ("a", "c"), ("d", "c")}
    assert not any("▼" in line for line in lines)


SERVICES = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india",
            "juliett", "kilo", "lima"]


@pytest.mark.parametrize("width", [40, 80, 120])
def test_width_is_respected_and_wide_layers_wrap(width):
    text = ("gateway -> " + ", ".join(f"service {s}" for s in SERVICES)
            + "\nservice alpha -> main database")
    graph = parse_flow(text, resolve)
    assert len(graph.nodes) == 14
    lines = draw_flow(graph, width)
    assert max(cells(line) for line in lines) <= width
    box_rows = [i for i, line in enumerate(lines) if "│ service" in line]
    assert len(box_rows) == {40: 6, 80: 3, 120: 2}[width]
    shown = "\n".join(lines)
    assert all(f"service {s}" in shown for s in SERVICES)
    drawn, _ = assert_every_edge_once(graph, lines)
    assert ("gateway", "service alpha") in drawn


def test_long_labels_are_truncated_with_an_ellipsis():
    graph = FlowGraph((FlowNode("a", "x" * 60, None), FlowNode("b", "b", None)),
                      (FlowEdge("a", "b", 1),))
    lines = draw_flow(graph, 30)
    assert max(len(line) for line in lines) <= 30
    assert "…" in lines[1] and "x" * 20 in lines[1]


def test_wide_characters_count_as_two_cells():
    graph = FlowGraph((FlowNode("a", "数据库" * 10, None), FlowNode("b", "api", None)),
                      (FlowEdge("a", "b", 1),))
    lines = draw_flow(graph, 24)
    assert max(cells(line) for line in lines) <= 24
    assert box_centres(lines, 1) and "数" in lines[1]


def test_empty_graph():
    assert draw_flow(FlowGraph(), 80) == []
    assert mermaid_flow(FlowGraph()) == "flowchart LR"


def test_stacked_boxes_share_a_centre():
    lines = draw_flow(parse_flow("a -> bbbbbbbbbb -> cc", resolve), 80)
    centres = [next(iter(box_centres(lines, row).values())) for row in (1, 6, 11)]
    assert len(set(centres)) == 1 and lines[3].index("│") == centres[0]


def test_mermaid():
    graph = parse_flow('client -(HTTPS)-> load balancer -> "weird [x] (y)" {z}', resolve)
    text = mermaid_flow(graph, LABELS)
    assert text.splitlines()[0] == "flowchart LR"
    assert '    n0["client"]' in text and '    n1["Load balancer"]' in text
    assert '    n0 -->|"HTTPS"| n1' in text and "    n1 --> n2" in text
    body = text.split("\n", 1)[1]
    for line in body.splitlines():  # labels carry no raw quotes or brackets
        inner = line.split('"')[1::2]
        assert not any(ch in part for part in inner for ch in '[](){}<>|"')


def test_mermaid_escapes_hash_before_entities():
    graph = FlowGraph((FlowNode("a", 'C# "x"', None), FlowNode("b", "b", None)),
                      (FlowEdge("a", "b", 1),))
    assert 'n0["C#35; #quot;x#quot;"]' in mermaid_flow(graph)


ARROWISH = st.text(alphabet="abcxyz -><=→←↔,{}()/|\n", max_size=300)


@settings(max_examples=200, deadline=None)
@given(st.one_of(st.text(max_size=300), ARROWISH), st.integers(min_value=1, max_value=160))
def test_drawing_never_raises_and_never_exceeds_the_width(text, width):
    graph = parse_flow(text, lambda t: None)
    lines = draw_flow(graph, width)
    assert all(cells(line) <= width for line in lines)
    assert (lines == []) == (graph.nodes == ())
    mermaid = mermaid_flow(graph)
    assert len(mermaid.splitlines()) == 1 + len(graph.nodes) + len(graph.edges)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.sampled_from("abcdefgh"), st.sampled_from("abcdefgh")),
                max_size=25),
       st.sampled_from([40, 80, 120]))
def test_every_edge_is_drawn_or_listed_exactly_once(pairs, width):
    graph = parse_flow("\n".join(f"{a} -> {b}" for a, b in pairs), lambda t: None)
    lines = draw_flow(graph, width)
    assert all(len(line) <= width for line in lines)
    assert_every_edge_once(graph, lines)
