"""Read architecture flows such as `client -> lb -> api -> cache, db` out of an answer.

Only lines with arrows are read. A segment between arrows that looks like prose (too long,
pronouns and verbs, no letters, quantities such as "Step 3" or "10k") breaks the chain instead
of becoming a node, so a sentence that happens to contain "->" adds nothing rather than a
twenty-word node.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

Resolve = Callable[[str], "str | None"]

MAX_NODE_WORDS = 6
MAX_NODE_CHARS = 60

# One alternative per direction; `<->` is tried before `->` and `<-` at the same position.
# `>` and `>>` alone are comparisons or shell redirects, and `<=`/`>=` are comparisons.
# Repeats are bounded so a long run of dashes costs linear time; a longer arrow's extra
# dashes are trimmed off the node before it.
_ARROW = re.compile(
    r"(?P<both><-{1,8}>|<={1,8}>|[↔⟷⇔])"
    r"|(?P<fwd>-\((?P<l1>[^()\n]{0,40})\)->|--(?P<l2>[^<>\n-][^<>\n]{0,40}?)-->"
    r"|-[-.]{0,8}>|={1,8}>|[→⟶⇒➔➜➝➞])"
    r"|(?P<back><-{1,8}|[←⟵⇐])"
)
_ARROW_CHAR = re.compile(r"[<>\u2190-\u21ff\u27f5-\u27ff\u2794-\u279e]")  # cheap pre-check
_PIPE_LABEL = re.compile(r"\s*\|([^|\n]{0,40})\|")  # Mermaid: a -->|label| b
_MARKERS = re.compile(r"^\s*(?:[-*+•‣◦]\s+|\d{1,3}[.)]\s+|#{1,6}\s+|>\s*)+")
# URLs and e-mail addresses are masked so their characters never make arrows or nodes; the
# look-behinds keep the scan linear on long runs of word characters.
_URL = re.compile(
    r"(?<![\w+.-])[a-z][a-z0-9+.-]*://\S*|(?<![\w.])www\.\S+|(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+",
    re.I,
)
_MASK = "\x00"
_BOUNDARY = re.compile(r"[.!?;:](?=\s|$)|\s[\u2014\u2013]\s|\s-\s")  # em/en dash
_NOTE = re.compile(r"\((?:[^()]|\([^()]*\))*\)|\[[^\[\]]*\]")
_PLACE = re.compile("\x01(\\d+)\x01")
_SEP = re.compile(r"\s*[,;]\s*|\s+(?:/|&|\+|and)\s+", re.I)
_STRIP = " \t.,;:!?\"'\u201c\u201d\u2018\u2019*_~`<>|=#-()[]{}"
_QUANTITY = re.compile(
    r"[~<>$#]?\d[\d.,]*(?:[kmbgt]|ms|s|sec|qps|rps|tps|[kmgtp]b|x|%|/s|/sec)?[.,]?$")
_PROSE = frozenset({
    "we", "i", "you", "they", "it", "our", "us", "will", "would", "should", "could", "can",
    "is", "are", "was", "were", "be", "been", "this", "that", "which", "then", "if", "when",
    "because",
})
_ARTICLES = ("the ", "a ", "an ")
_PLACEHOLDER = re.compile(r"[:/]?\{[^{}]{0,40}\}?|:\w*$")  # its closing brace may be trimmed
_MERMAID_HEAD = re.compile(r"^\s*(?:flowchart|graph)\s+(?:LR|RL|TB|TD|BT)\b", re.M)
_MERMAID_NODE = re.compile(  # A[x] A(x) A((x)) A[(x)] A([x]) A[[x]] A{x} A{{x}} A>x]
    r"(?<![\w-])([A-Za-z_][\w-]*)(\[\[[^\]]{0,80}\]\]|\[\([^)]{0,80}\)\]|\(\([^)]{0,80}\)\)"
    r"|\(\[[^\]]{0,80}\]\)|\{\{[^}]{0,80}\}\}|\[[^\]]{0,80}\]|\([^)]{0,80}\)|\{[^}]{0,80}\}"
    r"|>[^\]]{0,80}\])"
)


@dataclass(frozen=True, slots=True)
class FlowNode:
    key: str
    label: str
    concept_id: str | None
    aliases: tuple[str, ...] = ()  # other concepts its name or notes name ("Redis (H3 cells)")


@dataclass(frozen=True, slots=True)
class FlowEdge:
    source: str
    target: str
    line_number: int
    label: str = ""


@dataclass(frozen=True)
class FlowGraph:
    nodes: tuple[FlowNode, ...] = ()
    edges: tuple[FlowEdge, ...] = ()
    _out: dict[str, list[FlowEdge]] = field(init=False, repr=False, compare=False)
    _keys: dict[str, str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        out: dict[str, list[FlowEdge]] = {}
        for edge in self.edges:
            out.setdefault(edge.source, []).append(edge)
        keys = {node.key: node.key for node in self.nodes}
        keys.update({n.concept_id: n.key for n in self.nodes if n.concept_id is not None})
        object.__setattr__(self, "_out", out)
        object.__setattr__(self, "_keys", keys)

    def node(self, key: str) -> FlowNode | None:
        return next((n for n in self.nodes if n.key == key), None)

    def has_node(self, concept_id: str) -> bool:
        return any(node.concept_id == concept_id for node in self.nodes)

    def successors(self, key: str) -> tuple[str, ...]:
        return tuple(edge.target for edge in self._out.get(key, ()))

    def nodes_for(self, concept_id: str) -> list[str]:
        """Keys of the nodes that stand for a concept (by their concept, an alias or key)."""
        return [n.key for n in self.nodes
                if concept_id in (n.concept_id, n.key) or concept_id in n.aliases]

    def find_path(self, concept_ids: Sequence[str]) -> tuple[FlowEdge, ...] | None:
        """Edges of a walk visiting the concepts in order (other nodes between them allowed),
        or None. Unresolved nodes can be named by their key."""
        groups = [self.nodes_for(concept) for concept in concept_ids]
        if not groups or any(not group for group in groups):
            return None
        reached: dict[str, list[FlowEdge]] = {key: [] for key in groups[0]}
        for goal in groups[1:]:
            following: dict[str, list[FlowEdge]] = {}
            for start, walked in reached.items():
                for end in goal:
                    leg = self._shortest(start, end)
                    if leg is not None and end not in following:
                        following[end] = walked + leg
            if not following:
                return None
            reached = following
        return tuple(next(iter(reached.values())))

    def has_path(self, concept_ids: Sequence[str]) -> bool:
        return self.find_path(concept_ids) is not None

    def path_lines(self, concept_ids: Sequence[str]) -> tuple[int, ...]:
        """The answer's line numbers that make up the path, for showing as evidence."""
        walk = self.find_path(concept_ids)
        return tuple(sorted({edge.line_number for edge in walk})) if walk else ()

    def _shortest(self, start: str, goal: str) -> list[FlowEdge] | None:
        # Breadth-first with a visited set, so cycles end and the evidence is the shortest leg.
        if start == goal:
            return []
        came: dict[str, FlowEdge] = {}
        queue, seen = deque([start]), {start}
        while queue:
            for edge in self._out.get(queue.popleft(), ()):
                if edge.target in seen:
                    continue
                seen.add(edge.target)
                came[edge.target] = edge
                if edge.target == goal:
                    leg = [edge]
                    while leg[-1].source != start:
                        leg.append(came[leg[-1].source])
                    return leg[::-1]
                queue.append(edge.target)
        return None


def line_numbers_of_path(graph: FlowGraph, concept_ids: Sequence[str]) -> tuple[int, ...]:
    return graph.path_lines(concept_ids)


Item = tuple[str, tuple[str, ...]]  # node text and its parenthetical notes


def parse_flow(text: str, resolve: Resolve,
               also: Callable[[str], Sequence[str]] | None = None) -> FlowGraph:
    """The component graph drawn by the arrow lines of `text`; never raises on any text.
    `also` gives every concept a name mentions, kept as the node's aliases."""
    builder = _Builder(resolve, also)
    aliases: dict[str, str] | None = {} if _MERMAID_HEAD.search(text) else None
    carry: list[str] = []
    previous = ""  # the line before, when it had no arrow: "client" then "  -> lb"
    for number, raw in enumerate(text.splitlines(), start=1):
        if not _ARROW_CHAR.search(raw) or not _ARROW.search(raw):
            carry, previous = [], raw
            continue
        line = _MARKERS.sub("", raw.replace("`", "").replace("**", ""))
        line = _URL.sub(lambda m: _MASK * len(m.group()), line)
        segments, links = _split_arrows(line)
        if not links:
            carry, previous = [], raw
            continue
        if _ARROW.match(line.lstrip()):  # a line starting with an arrow continues the last
            segments[0] = _MARKERS.sub("", previous.replace("`", ""))
        groups = [carry if i == 0 and carry and not segments[0].strip() else
                  [builder.key(item) for item in _items(seg, aliases)]
                  for i, seg in enumerate(segments)]
        for i, (kind, label) in enumerate(links):
            for src in groups[i] if kind else ():
                for dst in groups[i + 1]:
                    if kind in ("fwd", "both"):
                        builder.edge(src, dst, number, label)
                    if kind in ("back", "both"):
                        builder.edge(dst, src, number, label)
        carry, previous = groups[-1], ""
    return builder.graph()


def _split_arrows(line: str) -> tuple[list[str], list[tuple[str | None, str]]]:
    """Segments between arrows and the link kind between each pair (None = chain break)."""
    segments: list[str] = []
    links: list[tuple[str | None, str]] = []
    pos = 0
    while (match := _ARROW.search(line, pos)) is not None:
        segments.append(line[pos:match.start()])
        kind = match.lastgroup if match.lastgroup in ("both", "back") else "fwd"
        label = (match.group("l1") or match.group("l2") or "").strip()
        pos = match.end()
        if kind == "fwd" and (pipe := _PIPE_LABEL.match(line, pos)):
            label, pos = pipe.group(1).strip(), pipe.end()
        links.append((kind, label))
    segments.append(line[pos:])
    # The first segment keeps only what follows its last sentence break ("Flow: client"),
    # the last only what precedes its first ("db. Then ..."); a middle one with a break
    # splits in two with no link between the halves.
    out_segments: list[str] = []
    out_links: list[tuple[str | None, str]] = []
    last = len(segments) - 1
    for i, seg in enumerate(segments):
        shadow = _NOTE.sub(lambda m: "x" * len(m.group()), seg) if "(" in seg or "[" in seg else seg
        breaks = list(_BOUNDARY.finditer(shadow))
        if i:
            out_links.append(links[i - 1])
        if not breaks:
            out_segments.append(seg)
        elif i == 0:
            out_segments.append(seg[breaks[-1].end():])
        elif i == last:
            out_segments.append(seg[:breaks[0].start()])
        else:
            out_segments += [seg[:breaks[0].start()], seg[breaks[-1].end():]]
            out_links.append((None, ""))
    return out_segments, out_links


def _items(segment: str, aliases: dict[str, str] | None) -> list[Item]:
    seg = segment.strip()
    if aliases is not None:  # Mermaid `A[Client]` defines an id, a bare `A` refers to it
        seg = _MERMAID_NODE.sub(lambda m: _define(aliases, m), seg)
    if len(seg) > 1 and seg[0] + seg[-1] in ("{}", "[]"):
        seg = seg[1:-1]  # `{cache, db}` lists branches
    notes: list[str] = []

    def hide(match: re.Match[str]) -> str:
        notes.append(match.group()[1:-1])
        return f"\x01{len(notes) - 1}\x01"

    items: list[Item] = []
    for part in _SEP.split(_NOTE.sub(hide, seg)):
        name = _clean(_PLACE.sub(" ", part))
        if name is not None and aliases:
            name = _clean(aliases.get(name, name))
        if name is not None:
            items.append((name, tuple(notes[int(i)] for i in _PLACE.findall(part))))
    return items


def _define(aliases: dict[str, str], match: re.Match[str]) -> str:
    label = match.group(2).strip("[](){}>\"' ")
    aliases[match.group(1)] = label
    return label


@lru_cache(maxsize=4096)
def _clean(text: str) -> str | None:
    name = " ".join(text.split()).strip(_STRIP)
    if not name or len(name) > MAX_NODE_CHARS or _MASK in name or "\x01" in name:
        return None
    words = name.lower().split()
    if len(words) > MAX_NODE_WORDS or not any(c.isalpha() for c in name):
        return None
    # Prose ("we", "is") and quantities ("10k -> 100k peak", "Step 3 -> 4") are not components.
    if any(w.strip(",.") in _PROSE or _QUANTITY.match(w) for w in words):
        return None
    return name


def _bare(name: str) -> str:
    for article in _ARTICLES:
        if name[:len(article)].lower() == article and len(name) > len(article):
            return name[len(article):].lstrip()
    return name


def normalise_node(name: str) -> str:
    return _bare(" ".join(name.lower().split()))


class _Builder:
    """Collects nodes (merged by concept, else by normalised text) and de-duplicated edges."""

    def __init__(self, resolve: Resolve,
                 also: Callable[[str], Sequence[str]] | None = None) -> None:
        self._resolve = resolve
        self._also = also
        self._aliases: dict[str, set[str]] = {}
        self._memo: dict[str, str | None] = {}
        self._nodes: dict[str, list] = {}  # key -> [label, concept_id]
        self._edges: dict[tuple[str, str], FlowEdge] = {}

    def _concept(self, text: str) -> str | None:
        if text not in self._memo:
            concept = self._resolve(text)
            bare = _bare(text)  # "the API servers" may be known only as "API servers"
            self._memo[text] = concept or (self._resolve(bare) if bare != text else None) or None
        return self._memo[text]

    def key(self, item: Item) -> str:
        name, notes = item
        # A key pattern such as "feed:{follower_id}" names the data, not the component.
        name = _PLACEHOLDER.sub("", name).strip() or name
        concept = self._concept(name)
        for note in notes:  # "service (Postgres)": the note may name what the node is
            if concept is not None:
                break
            cleaned = _clean(note)
            concept = self._concept(cleaned) if cleaned else None
        key = concept or normalise_node(name)
        entry = self._nodes.setdefault(key, [name, concept])
        if entry[1] is None:
            entry[1] = concept
        if self._also is not None:
            aliases = self._aliases.setdefault(key, set())
            for text in (name, *notes):
                aliases.update(self._also(text))
        return key

    def edge(self, source: str, target: str, line: int, label: str) -> None:
        if source != target and (source, target) not in self._edges:
            self._edges[(source, target)] = FlowEdge(source, target, line, label)

    def graph(self) -> FlowGraph:
        used = {k for pair in self._edges for k in pair}
        nodes = tuple(FlowNode(k, label, concept,
                               tuple(sorted(self._aliases.get(k, set()) - {concept})))
                      for k, (label, concept) in self._nodes.items() if k in used)
        return FlowGraph(nodes, tuple(self._edges.values()))
