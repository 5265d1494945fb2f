"""Find API endpoints (`POST /v1/rides`, `rpc CreateRide(...)`) and API facts in an answer.

Status codes need HTTP context: a reason phrase ("409 Conflict"), a word such as "returns" or
"status" or an arrow before the number, or "error"/"response" after it. A bare three-digit
number ("we expect 500 users") is a quantity, not a status.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_METHOD = r"(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS|WSS?)"
# `PUT/PATCH /v1/x` names one endpoint per method; the path needs a character after `/` so
# that prose such as "get / set" is not an endpoint.
_HTTP = re.compile(
    rf"(?<![\w/.-])(?P<methods>{_METHOD}(?:\s*/\s*{_METHOD})*)\s+"
    r"(?:(?:https?|wss?)://[^\s/`'\"]+)?(?P<path>/[^\s`'\"()\[\],;|\u2192\u2014]+)",
    re.I,
)
_SOCKET_URL = re.compile(r"(?<![\w.+-])wss?://[^\s/`'\"]+(?P<path>/[^\s`'\"()\[\],;|]*)?", re.I)
_RPC = re.compile(r"(?<!\w)(?i:rpc)\s+(?P<name>[A-Za-z_]\w*)\s*\(\s*(?:stream\s+)?[\w.]+\s*\)"
                  r"\s*(?i:returns)\b")
_VERSION = re.compile(r"(?:^|/)(v\d+(?:\.\d+)?)(?=/|$)", re.I)

PAGE_PARAMS = frozenset({
    "cursor", "page", "page_token", "pagetoken", "next_token", "nexttoken", "next_cursor",
    "offset", "limit", "after", "before", "since_id", "max_id", "page_size", "pagesize",
    "per_page", "perpage", "start_after", "starting_after", "ending_before", "marker",
    "continuation_token", "continuationtoken",
})
# In the description words are enough, except "after"/"before", which need `after=`; a rate
# limit is not a page limit.
_PAGE_WORDS = re.compile(
    r"\b(?:cursors?|pages?|page[_ -]?tokens?|next[_ -]?(?:token|cursor|page)|offset"
    r"|paginat\w*|since_id|max_id|page[_ -]?size|per_page|(?<!rate )(?<!rate-)limit)\b"
    r"|\b(?:after|before)\s*[=:]",
    re.I,
)
_PATHS = re.compile(r"(?<!\S)\S*/\S*")  # whole tokens with a slash; starts only at a token

_IDEMPOTENCY = re.compile(
    r"idempoten|\bde-?dup\w*[\s_-]*(?:tokens?|keys?|ids?)\b|\bclient[\s_-]*tokens?\b", re.I)
_ERROR_WORDS = re.compile(
    r"\b[45]xx\b|\berror[\s_-]*(?:responses?|codes?|body|bodies|format|objects?|payloads?"
    r"|messages?|schema|envelope)\b",
    re.I,
)

# Reason phrases, per code, so "300 accepted orders" is not "202 Accepted".
REASONS = {
    100: "continue", 101: "switching protocols", 200: "ok", 201: "created", 202: "accepted",
    204: "no content", 206: "partial content", 301: "moved permanently", 302: "found",
    303: "see other", 304: "not modified", 307: "temporary redirect",
    308: "permanent redirect", 400: "bad request", 401: "unauthori[sz]ed", 402: "payment required",
    403: "forbidden", 404: "not found", 405: "method not allowed", 406: "not acceptable",
    408: "request timeout", 409: "conflict", 410: "gone", 411: "length required",
    412: "precondition failed", 413: "(?:payload|request entity|content) too large",
    415: "unsupported media type", 422: "unprocessable(?: entity| content)?", 423: "locked",
    425: "too early", 428: "precondition required", 429: "too many requests",
    500: "internal(?: server)? error", 501: "not implemented", 502: "bad gateway",
    503: "service unavailable", 504: "gateway timeout",
}
_CODE = r"(?<![\w.,])[1-5]\d\d(?![\w.,]?\d)"
_PHRASED = re.compile(rf"({_CODE})[\s:|\u2014\u2013-]*({'|'.join(REASONS.values())})\b", re.I)
_CONTEXT = re.compile(
    r"(?:\b(?:returns?|returning|respon(?:ds?|ded|se)(?:\s+with)?|status(?:\s+codes?)?"
    r"|http(?:/[\d.]+)?|codes?|errors?|repl(?:y|ies)(?:\s+with)?|fails?\s+with)\b"
    r"\s*[:=]?\s*(?:an?\s+|with\s+)?|(?P<arrow>\u2192|->|=>|\u27f6)\s*)"
    rf"(?P<codes>{_CODE}(?:\s*(?:/|,|\||\bor\b|\band\b)\s*{_CODE})*)",
    re.I,
)
_ANY_CODE = re.compile(r"[1-5]\d\d")
_QUANTITY_BEFORE = re.compile(r"\d[\w%.,]*\s*$")
_NOUN_AFTER = re.compile(rf"({_CODE})\s+(?:error|response|status|code)\b", re.I)
# After "returns 200" a word other than these means a count: "returns 200 items".
_MAY_FOLLOW = re.compile(
    r"(?:or|and|if|when|on|for|with|error|errors|response|status|code|instead|otherwise|else"
    r"|plus|but|unless|because|to|from)\b",
    re.I,
)


@dataclass(frozen=True, slots=True)
class Endpoint:
    method: str
    path: str
    query: tuple[str, ...]
    line_number: int
    line: str

    @property
    def paginated(self) -> bool:
        if any(name.lower().replace("-", "_") in PAGE_PARAMS for name in self.query):
            return True
        return bool(_PAGE_WORDS.search(_PATHS.sub(" ", self.line)))

    @property
    def version(self) -> str | None:
        """`v1` for `/v1/rides`, `/api/v2.1/x` gives `v2.1`; None when unversioned."""
        match = _VERSION.search(self.path)
        return match.group(1).lower() if match else None

    @property
    def versioned(self) -> bool:
        return self.version is not None


@dataclass(frozen=True, slots=True)
class ApiFacts:
    endpoints: tuple[Endpoint, ...]
    paginated: tuple[Endpoint, ...]
    idempotency_lines: tuple[int, ...]
    error_lines: tuple[int, ...]
    status_codes: tuple[int, ...]


def find_endpoints(text: str) -> list[Endpoint]:
    """Every distinct (method, path, query) in `text`, in order of first mention."""
    found: list[Endpoint] = []
    seen: set[tuple[str, str, tuple[str, ...]]] = set()
    for number, raw in enumerate(text.splitlines(), start=1):
        for method, target in _line_endpoints(raw):
            path, query = _split_target(target)
            if (method, path, query) not in seen:
                seen.add((method, path, query))
                found.append(Endpoint(method, path, query, number, raw.strip()))
    return found


def _line_endpoints(line: str) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    low = line.lower()  # substring checks first: most lines are prose and this runs per line
    if "/" not in low and "rpc" not in low:
        return out
    spans: list[tuple[int, int]] = []
    methods = any(m in low for m in ("get", "post", "put", "patch", "delete", "head", "options",
                                     "ws"))
    for match in _HTTP.finditer(line) if methods else ():
        spans.append(match.span())
        for method in re.split(r"\s*/\s*", match.group("methods")):
            method = method.upper()
            out.append(("WS" if method == "WSS" else method, match.group("path")))
    for match in _SOCKET_URL.finditer(line) if "ws://" in low or "wss://" in low else ():
        if not any(start <= match.start() < end for start, end in spans):
            out.append(("WS", match.group("path") or "/"))
    if "rpc" in low:
        out += [("RPC", match.group("name")) for match in _RPC.finditer(line)]
    return out


def _split_target(target: str) -> tuple[str, tuple[str, ...]]:
    target = target.split("#", 1)[0].rstrip(".:!?")
    path, _, query = target.partition("?")
    path = path.rstrip(".:!?") or "/"
    if path.count("{") < path.count("}"):  # `{GET /feed}` style wrapping
        path = path.rstrip("}") or "/"
    names = (part.split("=", 1)[0].strip() for part in re.split(r"[&;]", query))
    return path, tuple(name for name in names if name)


def status_codes(line: str) -> list[int]:
    """HTTP status codes the line names, in order, without repeats."""
    codes: list[int] = []
    if not _ANY_CODE.search(line):
        return codes
    for match in _PHRASED.finditer(line):
        code = int(match.group(1))
        if code in REASONS and re.fullmatch(REASONS[code], match.group(2), re.I):
            codes.append(code)
    for match in _CONTEXT.finditer(line):
        if match.group("arrow") and _QUANTITY_BEFORE.search(
                line[max(0, match.start() - 40):match.start()]):
            continue  # "traffic 100 -> 500" is a change of a quantity
        rest = line[match.end():].lstrip()
        if rest and (rest[0].isalnum() or rest[0] in "%$\u20ac\u00a3") and not (
                _MAY_FOLLOW.match(rest) or _PHRASED.match(match.group("codes")[-3:] + " " + rest)):
            continue  # "returns 200 items", "-> 500 ms"
        codes += [int(code) for code in re.findall(r"\d{3}", match.group("codes"))]
    codes += [int(match.group(1)) for match in _NOUN_AFTER.finditer(line)]
    return list(dict.fromkeys(code for code in codes if 100 <= code <= 599))


def api_facts(text: str) -> ApiFacts:
    endpoints = tuple(find_endpoints(text))
    idempotency: list[int] = []
    errors: list[int] = []
    codes: set[int] = set()
    for number, line in enumerate(text.splitlines(), start=1):
        low = line.lower()
        if ("idempot" in low or "dup" in low or "token" in low) and _IDEMPOTENCY.search(line):
            idempotency.append(number)
        found = status_codes(line)
        codes.update(found)
        if any(code >= 400 for code in found) or (
                ("xx" in low or "error" in low) and _ERROR_WORDS.search(line)):
            errors.append(number)
    return ApiFacts(
        endpoints=endpoints,
        paginated=tuple(e for e in endpoints if e.paginated),
        idempotency_lines=tuple(idempotency),
        error_lines=tuple(errors),
        status_codes=tuple(sorted(codes)),
    )
