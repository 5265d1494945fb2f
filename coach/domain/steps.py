"""The seven steps of the system design process and the default clock budget."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class StepInfo:
    number: int
    key: str
    title: str
    short: str
    default_minutes: int
    covers: str


STEPS: tuple[StepInfo, ...] = (
    StepInfo(
        1, "clarify", "Clarify requirements", "Requirements", 5,
        "What the system must do and how well: core actions, inputs and outputs, "
        "latency, throughput, availability and consistency targets, and what is out of scope.",
    ),
    StepInfo(
        2, "scale", "Define the scale and constraints", "Scale", 5,
        "Users, read and write rates, peak load, storage over time and geography, "
        "worked out as numbers from stated assumptions.",
    ),
    StepInfo(
        3, "architecture", "Outline high-level architecture", "Architecture", 10,
        "Entry points, the main services, storage, caches and queues, monitoring, "
        "and how a request travels through them.",
    ),
    StepInfo(
        4, "data", "Define data models and storage strategy", "Data model", 5,
        "Entities and relationships, the kind of database and why, indexes, "
        "and how data is partitioned.",
    ),
    StepInfo(
        5, "components", "Design core components and APIs", "Components & APIs", 5,
        "Which service owns what, their internal layers, API contracts, errors, "
        "rate limits, retries and idempotency.",
    ),
    StepInfo(
        6, "scaling", "Plan for scaling, performance, and reliability", "Scaling", 10,
        "Caching, asynchronous work, replication, load balancing, failover, "
        "and the metrics, logs and traces that show it working.",
    ),
    StepInfo(
        7, "tradeoffs", "Summarize trade-offs and prepare for execution", "Trade-offs", 5,
        "The key decisions and why, the trade-offs they cost, risks with mitigations, "
        "and a short recap of the whole flow.",
    ),
)

STEP_NUMBERS: tuple[int, ...] = tuple(step.number for step in STEPS)
DEFAULT_BUDGET_MINUTES: tuple[int, ...] = tuple(step.default_minutes for step in STEPS)
# The longer variant keeps the same proportions, with the extra time on the deep steps.
LONG_BUDGET_MINUTES: tuple[int, ...] = (6, 6, 14, 8, 8, 12, 6)


def step(number: int) -> StepInfo:
    """The step with this number (1-7); raises ValueError for any other."""
    if not 1 <= number <= len(STEPS):
        raise ValueError(f"step must be 1-{len(STEPS)}, not {number}")
    return STEPS[number - 1]
