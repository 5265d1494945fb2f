"""Find the structural signals of one step: arrow flows, endpoints, error statuses."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from coach.domain.report import Evidence
from coach.scoring.endpoints import api_facts
from coach.scoring.flow import FlowGraph, parse_flow

MIN_FLOW_EDGES = 2  # "a -> b" alone is not yet a request flow
MIN_ENDPOINTS = 2
MAX_SIGNAL_EVIDENCE = 3
_ARROW = re.compile(r"->|→|=>|⟶|<-|←|↔")
# An HTTP method, an RPC, a status code, or words about errors and idempotency.
_API_HINT = re.compile(r"\b(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS|WS|WSS|rpc)\b|[1-5]\d\d"
                       r"|error|idempot|xx\b", re.IGNORECASE)


def _lines(text: str, numbers: list[int]) -> list[Evidence]:
    lines = text.splitlines()
    shown = [lines[n - 1].strip() for n in dict.fromkeys(numbers) if 0 < n <= len(lines)]
    return [Evidence(sentence=line) for line in shown[:MAX_SIGNAL_EVIDENCE] if line]


# Where each structure belongs: the request flow in the architecture and its recap, the
# API contract in the components step. Elsewhere an arrow is arithmetic ("100M/day -> 1.2K
# QPS") or a state machine, and a 3-digit number is rarely a status code.
FLOW_STEPS = frozenset({3, 7})
API_STEPS = frozenset({5})


def find_signals(text: str, step: int, resolve: Callable[[str], str | None],
                 also: Callable[[str], Sequence[str]] | None = None,
                 ) -> tuple[FlowGraph, dict[str, list[Evidence]]]:
    """The step's flow graph and each signal found in it, with the lines that show it."""
    found: dict[str, list[Evidence]] = {}
    lines = text.splitlines()
    # The parsers only see the lines that can hold what they look for; blank lines keep
    # the line numbers of the rest, and skipping prose keeps scoring fast.
    arrows = [line if _ARROW.search(line) else "" for line in lines] if step in FLOW_STEPS \
        else []
    graph = parse_flow("\n".join(arrows), resolve, also) if any(arrows) else FlowGraph()
    if len(graph.edges) >= MIN_FLOW_EDGES:
        found["@flow"] = _lines(text, [edge.line_number for edge in graph.edges])
    api_lines = [line if _API_HINT.search(line) else "" for line in lines] if step in API_STEPS \
        else []
    if not any(api_lines):
        return graph, found
    facts = api_facts("\n".join(api_lines))
    if len(facts.endpoints) >= MIN_ENDPOINTS:
        found["@endpoint"] = _lines(text, [e.line_number for e in facts.endpoints])
    if facts.paginated:
        found["@paginated"] = _lines(text, [e.line_number for e in facts.paginated])
    if facts.error_lines:
        found["@error_status"] = _lines(text, list(facts.error_lines))
    return graph, found
