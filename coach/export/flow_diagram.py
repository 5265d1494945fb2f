"""Draw a parsed flow as terminal boxes and arrows, and as a Mermaid flowchart.

Layers are rows, ordered by the longest path from a source. Between two rows, each connected
group of edges that links every one of its sources to every one of its targets is drawn as one
bus; any other edge (back edges, edges skipping a layer, partial groups, wrapped rows) is listed
under the boxes as `a ──▶ b`, so no edge is lost.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping

from coach.domain.report import FlowDiagram
from coach.scoring.flow import FlowEdge, FlowGraph, FlowNode

GAP = 3
MAX_LABEL = 24
_ENDS = {  # (is_left_end, is_right_end, from_above, to_below) -> junction
    (True, False, True, False): "└", (True, False, False, True): "┌",
    (True, False, True, True): "├", (False, True, True, False): "┘",
    (False, True, False, True): "┐", (False, True, True, True): "┤",
    (False, False, True, False): "┴", (False, False, False, True): "┬",
    (False, False, True, True): "┼",
}


def _cell(ch: str) -> int:
    return 2 if unicodedata.east_asian_width(ch) in "WF" else 1


def _cells(text: str) -> int:
    return sum(_cell(ch) for ch in text)


def _fit(text: str, cap: int) -> str:
    """Printable one-line text of at most `cap` cells, cut with an ellipsis."""
    text = "".join(ch if ch.isprintable() else " " for ch in text
                   if unicodedata.category(ch) not in ("Mn", "Me", "Cf"))
    text = " ".join(text.split()) or "?"
    if _cells(text) <= cap:
        return text
    out, used = "", 0
    for ch in text:
        if used + _cell(ch) > cap - 1:
            break
        out, used = out + ch, used + _cell(ch)
    return out + "…" if cap >= 1 else ""


def _names(graph: FlowGraph, labels: Mapping[str, str] | None, cap: int) -> dict[str, str]:
    labels = labels or {}
    return {n.key: _fit(labels.get(n.concept_id or "", "") or n.label, cap) for n in graph.nodes}


def _layers(graph: FlowGraph) -> tuple[dict[str, int], set[FlowEdge]]:
    """Longest-path layer of every node, after setting aside the edges that close a cycle."""
    order = [n.key for n in graph.nodes]
    out: dict[str, list[FlowEdge]] = {k: [] for k in order}
    for edge in graph.edges:
        if edge.source in out and edge.target in out:
            out[edge.source].append(edge)
    back: set[FlowEdge] = set()
    state: dict[str, int] = {}  # 1 on the DFS stack, 2 done
    for root in order:
        if root in state:
            continue
        state[root] = 1
        stack = [(root, iter(out[root]))]
        while stack:
            node, edges = stack[-1]
            edge = next(edges, None)
            if edge is None:
                state[node] = 2
                stack.pop()
            elif state.get(edge.target) == 1:
                back.add(edge)
            elif edge.target not in state:
                state[edge.target] = 1
                stack.append((edge.target, iter(out[edge.target])))
    indegree = dict.fromkeys(order, 0)
    for edges in out.values():
        for edge in edges:
            if edge not in back:
                indegree[edge.target] += 1
    layer = dict.fromkeys(order, 0)
    ready = [k for k in order if indegree[k] == 0]
    while ready:
        node = ready.pop()
        for edge in out[node]:
            if edge in back:
                continue
            layer[edge.target] = max(layer[edge.target], layer[node] + 1)
            indegree[edge.target] -= 1
            if indegree[edge.target] == 0:
                ready.append(edge.target)
    return layer, back


def _rows(graph: FlowGraph, layer: dict[str, int], names: dict[str, str],
          width: int) -> list[list[str]]:
    """Each layer as one or more rows of node keys that fit `width`; children sit under
    their parents' order so buses cross less."""
    position: dict[str, int] = {}
    rows: list[list[str]] = []
    index = {n.key: i for i, n in enumerate(graph.nodes)}
    parents: dict[str, list[str]] = {}
    for edge in graph.edges:
        parents.setdefault(edge.target, []).append(edge.source)
    for depth in range(max(layer.values(), default=-1) + 1):
        keys = [k for k in index if layer[k] == depth]
        keys.sort(key=lambda k: (min((position[p] for p in parents.get(k, ())
                                      if p in position), default=len(index)), index[k]))
        row: list[str] = []
        used = -GAP
        for key in keys:
            box = _box_width(names[key])
            if row and used + GAP + box > width:
                rows.append(row)
                row, used = [], -GAP
            row.append(key)
            used += GAP + box
        rows.append(row)
        position.update({k: i for i, k in enumerate(keys)})
    return rows


def _box_width(name: str) -> int:
    return _cells(name) + 4


def draw_flow(graph: FlowGraph, width: int = 80,
              labels: Mapping[str, str] | None = None) -> list[str]:
    """The graph as lines of at most `width` terminal cells; [] for an empty graph."""
    if not graph.nodes:
        return []
    names = _names(graph, labels, max(1, min(MAX_LABEL, width - 5)))
    layer, back = _layers(graph)
    rows = _rows(graph, layer, names, max(width, 8))
    row_width = [sum(_box_width(names[k]) for k in row) + GAP * (len(row) - 1) for row in rows]
    canvas = max(row_width)
    centre: dict[str, int] = {}
    left: dict[str, int] = {}
    for row, used in zip(rows, row_width, strict=True):
        x = canvas // 2 - used // 2  # stacked single boxes share a centre column
        for key in row:
            left[key], centre[key] = x, x + _box_width(names[key]) // 2
            x += _box_width(names[key]) + GAP
    drawn: set[FlowEdge] = set()
    lines: list[str] = []
    for i, row in enumerate(rows):
        lines += _box_lines(row, names, left, canvas)
        if i + 1 < len(rows):
            below = set(rows[i + 1])
            candidates = [e for e in graph.edges if e not in back and e.source in row
                          and e.target in below and layer[e.target] == layer[e.source] + 1]
            lines += _bus_lines(candidates, centre, canvas, drawn)
    rest = [e for e in graph.edges if e not in drawn and e.source in names and e.target in names]
    if rest:
        lines += ["", "Also:"]
        lines += [_listed(names[e.source], names[e.target], width) for e in rest]
    return [_fit_line(line.rstrip(), width) for line in lines]


def _listed(source: str, target: str, width: int) -> str:
    """`  a ──▶ b`, shortening the longer name first so the line stays within the width."""
    room = max(2, width - 7)
    a, b = _cells(source), _cells(target)
    if a + b > room:
        a = min(a, max(room // 2, room - b))
        b = room - a
    return f"  {_fit(source, max(1, a))} ──▶ {_fit(target, max(1, b))}"


def _fit_line(line: str, width: int) -> str:
    # Only bites below the 8-cell minimum layout, where nothing readable fits anyway.
    while _cells(line) > width:
        line = line[:-1]
    return line


def _box_lines(row: list[str], names: dict[str, str], left: dict[str, int],
               canvas: int) -> list[str]:
    grid = [[" "] * canvas for _ in range(3)]
    for key in row:
        w, x, name = _box_width(names[key]), left[key], names[key]
        pad = w - 2 - _cells(name)
        middle = "│" + " " * (pad // 2) + name + " " * (pad - pad // 2) + "│"
        for r, text in enumerate(("┌" + "─" * (w - 2) + "┐", middle, "└" + "─" * (w - 2) + "┘")):
            cells = [c for ch in text for c in ([ch, ""] if _cell(ch) == 2 else [ch])]
            grid[r][x:x + w] = cells
    return ["".join(r) for r in grid]


def _bus_lines(edges: list[FlowEdge], centre: dict[str, int], canvas: int,
               drawn: set[FlowEdge]) -> list[str]:
    """Three connector lines; a group is drawn only when it is complete and stays clear of
    the groups already drawn, since a bus cannot say which source feeds which target."""
    group: dict[str, str] = {}

    def find(key: str) -> str:
        while group.setdefault(key, key) != key:
            key = group[key]
        return key

    for edge in edges:
        group[find(edge.source)] = find("\0" + edge.target)
    parts: dict[str, list[FlowEdge]] = {}
    for edge in edges:
        parts.setdefault(find(edge.source), []).append(edge)
    grid = [[" "] * canvas for _ in range(3)]
    taken: list[tuple[int, int]] = []
    for part in sorted(parts.values(), key=lambda p: min(centre[e.source] for e in p)):
        ups = {centre[e.source] for e in part}
        downs = {centre[e.target] for e in part}
        lo, hi = min(ups | downs), max(ups | downs)
        if len(part) != len(ups) * len(downs) or any(lo <= b + 1 and a - 1 <= hi
                                                     for a, b in taken):
            continue
        taken.append((lo, hi))
        drawn.update(part)
        for col in range(lo, hi + 1):
            grid[1][col] = _ENDS.get((col == lo, col == hi, col in ups, col in downs), "─")
        for col in ups:
            grid[0][col] = "│"
        for col in downs:
            grid[2][col] = "▼"
        if lo == hi:
            grid[1][lo] = "│"
    if not taken:
        return [""]
    if all(lo == hi for lo, hi in taken):  # only straight drops: │ over ▼ is enough
        del grid[1]
    return ["".join(r) for r in grid]


def _mermaid_text(text: str) -> str:
    text = " ".join(text.split())
    for ch, code in (("#", "#35;"), ('"', "#quot;"), ("[", "#91;"), ("]", "#93;"),
                     ("(", "#40;"), (")", "#41;"), ("{", "#123;"), ("}", "#125;"),
                     ("<", "#60;"), (">", "#62;"), ("|", "#124;"), ("`", "#96;")):
        text = text.replace(ch, code)
    return text


def mermaid_flow(graph: FlowGraph, labels: Mapping[str, str] | None = None) -> str:
    """The graph as a Mermaid `flowchart LR`, node ids n0, n1, ... and quoted labels."""
    labels = labels or {}
    ids = {node.key: f"n{i}" for i, node in enumerate(graph.nodes)}
    lines = ["flowchart LR"]
    for node in graph.nodes:
        label = labels.get(node.concept_id or "", "") or node.label
        lines.append(f'    {ids[node.key]}["{_mermaid_text(label)}"]')
    for edge in graph.edges:
        if edge.source in ids and edge.target in ids:
            arrow = f'-->|"{_mermaid_text(edge.label)}"|' if edge.label.strip() else "-->"
            lines.append(f"    {ids[edge.source]} {arrow} {ids[edge.target]}")
    return "\n".join(lines)


def graph_of(diagram: FlowDiagram) -> tuple[FlowGraph, dict[str, str]]:
    """A stored diagram back as a graph, with the labels to draw it with."""
    nodes = tuple(FlowNode(node.key, node.label, None) for node in diagram.nodes)
    edges = tuple(FlowEdge(edge.source, edge.target, edge.line) for edge in diagram.edges)
    return FlowGraph(nodes, edges), {node.key: node.label for node in diagram.nodes}
