"""Structural signals: things the scorer finds by parsing an answer, not by its words.

Criteria name them beside concepts, with an `@` in front (`any_of: [request_flow, "@flow"]`),
so a flow drawn with arrows or an endpoint written out counts like the words would.
"""

from __future__ import annotations

SIGNALS: dict[str, str] = {
    "@flow": "a request flow drawn with arrows (a -> b -> c)",
    "@endpoint": "API endpoints written out (e.g. POST /v1/rides)",
    "@paginated": "a paginated read endpoint (cursor or page parameters)",
    "@error_status": "error responses with their HTTP status codes",
    "@arithmetic": "estimates with the arithmetic written out, and right",
    "@requirement_link": "a design choice tied to a target or number from steps 1-2",
}


def is_signal(concept_id: str) -> bool:
    return concept_id.startswith("@")
