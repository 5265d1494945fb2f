import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coach.scoring.endpoints import api_facts, find_endpoints, status_codes


def only(text):
    found = find_endpoints(text)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(("text", "method", "path", "query"), [
    ("POST /v1/rides", "POST", "/v1/rides", ()),
    ("GET /feed?cursor=abc&limit=20", "GET", "/feed", ("cursor", "limit")),
    ("get /users/{id}/files", "GET", "/users/{id}/files", ()),
    ("DELETE /files/:id", "DELETE", "/files/:id", ()),
    ("PUT /v1/trips/{trip_id}/status", "PUT", "/v1/trips/{trip_id}/status", ()),
    ("PATCH /v1/users/<id>", "PATCH", "/v1/users/<id>", ()),
    ("HEAD /files/{id}", "HEAD", "/files/{id}", ()),
    ("OPTIONS /v1/rides", "OPTIONS", "/v1/rides", ()),
    ("- `POST /v1/rides` creates a ride", "POST", "/v1/rides", ()),
    ("* GET /v1/rides/{id}.", "GET", "/v1/rides/{id}", ()),
    ("1. GET https://api.example.com/v2/search?q=x", "GET", "/v2/search", ("q",)),
    ("POST /rides — body {pickup, dropoff} → 201 {ride_id}", "POST", "/rides", ()),
    ("Create: (POST /rides), then poll", "POST", "/rides", ()),
    ("WS /v1/stream", "WS", "/v1/stream", ()),
    ("drivers connect to wss://rt.example.com/v1/locations", "WS", "/v1/locations", ()),
    ("rpc CreateRide(CreateRideRequest) returns (Ride);", "RPC", "CreateRide", ()),
])
def test_endpoint_notations(text, method, path, query):
    endpoint = only(text)
    assert (endpoint.method, endpoint.path, endpoint.query) == (method, path, query)
    assert endpoint.line == text.strip() and endpoint.line_number == 1


def test_several_per_line_and_method_lists_and_line_numbers():
    found = find_endpoints("intro\nPUT/PATCH /v1/x and GET /v1/y\n\nGET /v1/y again")
    assert [(e.method, e.path, e.line_number) for e in found] == [
        ("PUT", "/v1/x", 2), ("PATCH", "/v1/x", 2), ("GET", "/v1/y", 2)]


@pytest.mark.parametrize("text", [
    "we get / set keys in the cache",
    "GET requests dominate the traffic",
    "the ratio is 100/1 for reads",
    "see /etc/hosts",
    "budget/forget /tmp",
    "rpc is a style, it returns things",
])
def test_non_endpoints(text):
    assert find_endpoints(text) == []


@pytest.mark.parametrize(("text", "paginated"), [
    ("GET /feed?cursor=abc&limit=20", True),
    ("GET /feed?page_token=x", True),
    ("GET /feed?pageToken=x", True),
    ("GET /posts?since_id=1&max_id=9", True),
    ("GET /v1/rides — returns next_token for the next page", True),
    ("GET /v1/rides — cursor-based, 50 per page", True),
    ("GET /v1/rides?after=abc", True),
    ("GET /v1/rides/{id}", False),
    ("GET /v1/rides?fields=id", False),
    ("POST /v1/rides (rate limit 10/s) after payment", False),
    ("GET /pages/{page}", False),  # the path itself is not a description
])
def test_pagination(text, paginated):
    assert only(text).paginated is paginated


@pytest.mark.parametrize(("path", "version"), [
    ("/v1/rides", "v1"), ("/api/V2/rides", "v2"), ("/v2.1/x", "v2.1"), ("/v3", "v3"),
    ("/rides", None), ("/rides/v1x", None), ("/drive/v12abc/x", None),
])
def test_version(path, version):
    endpoint = only(f"GET {path}")
    assert endpoint.version == version
    assert endpoint.versioned is (version is not None)


@pytest.mark.parametrize(("line", "codes"), [
    ("returns 409 Conflict if the key was reused", [409]),
    ("409 Conflict", [409]),
    ("429 Too Many Requests when over quota", [429]),
    ("| 404 | Not Found |", [404]),
    ("HTTP 503 when overloaded", [503]),
    ("HTTP/1.1 200 OK", [200]),
    ("errors: 400, 404 or 422", [400, 404, 422]),
    ("POST /rides → 201 {ride_id}", [201]),
    ("respond with a 400", [400]),
    ("a 404 error", [404]),
    ("status code 500.", [500]),
    ("returns 400/401/403", [400, 401, 403]),
    ("we expect 500 users", []),
    ("costs 404 dollars", []),
    ("returns 200 items per page", []),
    ("p99 -> 200 ms", []),
    ("returns 500ms", []),
    ("300 accepted orders", []),
    ("the 404th request", []),
    ("up to 1,404 errors", []),
    ("version 2.500 response", []),
    ("returns 999", []),
    ("HTTPS 443 only", []),
    ("traffic grows 100 -> 500", []),
    ("peak 2k → 404", []),
])
def test_status_codes_need_http_context(line, codes):
    assert status_codes(line) == codes


ANSWER = """## 5. APIs
- POST /v1/rides — body {pickup, dropoff}; header Idempotency-Key → 201 Created
- GET /v1/rides/{id}
- GET /v1/rides?cursor=abc&limit=20 → 200 OK
- DELETE /v1/rides/{id} → 204, or 404 Not Found
Retries are safe: writes are idempotent thanks to a client-generated dedup token.
Errors use one error response shape; 4xx for caller mistakes.
We expect 500 rides per second; a ride costs 404 cents on average.
Over quota: 429 Too Many Requests.
"""


def test_api_facts_summary():
    facts = api_facts(ANSWER)
    assert [(e.method, e.path) for e in facts.endpoints] == [
        ("POST", "/v1/rides"), ("GET", "/v1/rides/{id}"), ("GET", "/v1/rides"),
        ("DELETE", "/v1/rides/{id}")]
    assert [e.line_number for e in facts.paginated] == [4]
    assert facts.idempotency_lines == (2, 6)
    assert facts.error_lines == (5, 7, 9)
    assert facts.status_codes == (200, 201, 204, 404, 429)


def test_api_facts_of_empty_text():
    facts = api_facts("")
    assert facts.endpoints == facts.paginated == facts.idempotency_lines == ()
    assert facts.error_lines == facts.status_codes == ()


@pytest.mark.parametrize("line", [
    "Send an Idempotency-Key header on POST",
    "idempotency_key in the body",
    "PUT is idempotent",
    "a dedupe key per request",
    "clients send a client_token",
])
def test_idempotency_mentions(line):
    assert api_facts(line).idempotency_lines == (1,)


@pytest.mark.parametrize("line", ["dedupe the feed by post id", "the token bucket limiter"])
def test_not_idempotency(line):
    assert api_facts(line).idempotency_lines == ()


HTTPISH = st.text(alphabet="GETPOSUDLAHWS getpost/{}:?&=v1 0123456789→-xX#%.,|\n", max_size=300)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=400), HTTPISH))
def test_never_raises(text):
    facts = api_facts(text)
    lines = text.splitlines()
    assert all(100 <= code <= 599 for code in facts.status_codes)
    assert all(1 <= n <= len(lines) for n in facts.error_lines + facts.idempotency_lines)
    for endpoint in find_endpoints(text):
        assert endpoint.method in {"GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS",
                                   "WS", "RPC"}
        assert endpoint.line == lines[endpoint.line_number - 1].strip()
        assert isinstance(endpoint.paginated, bool)
        endpoint.version  # noqa: B018 - computing it must not raise


N = 20_000


@pytest.mark.parametrize("text", [
    "GET /x " + "a" * N, "GET " + " " * N, "returns " + " " * N + "x", "returns 200/" * 2000,
    "GET /" + "a/" * N, "wss://" + "a" * N, "rpc " + "A" * N + "(", "500 " * N,
    "a" * N + "@" + "b" * N, "-> 200 " * N, "1 → 404; " * N,
], ids=lambda text: repr(text[:16]))
def test_pathological_lines_take_linear_time(text):
    start = time.perf_counter()
    facts = api_facts(text)
    assert all(isinstance(e.paginated, bool) for e in facts.endpoints)
    assert time.perf_counter() - start < 1.0
