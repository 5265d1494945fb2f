"""Structural signals (arrow flows, endpoints, errors) and links between steps."""

from coach.domain.answer_file import format_answer, parse_answer


def score(scorer, catalog, steps: dict[int, str], problem="newsfeed"):
    texts = [steps.get(n, "") for n in range(1, 8)]
    return scorer.score(catalog.get(problem).problem, parse_answer(format_answer(texts)).texts)


def criterion(report, criterion_id):
    return next(c for s in report.steps for c in s.criteria if c.id == criterion_id)


def test_an_arrow_flow_earns_the_request_flow_criterion(scorer, catalog):
    report = score(scorer, catalog, {3: "client -> load balancer -> feed service -> Redis"})
    flow = criterion(report, "architecture.flow")
    assert flow.met
    assert "client -> load balancer -> feed service -> Redis" in [e.sentence for e in flow.evidence]
    assert not criterion(score(scorer, catalog, {3: "client -> server"}), "architecture.flow").met


def test_endpoints_pagination_and_error_statuses_are_recognised(scorer, catalog):
    api = ("POST /v1/posts {text, media_ids} returns 201 with the post id\n"
           "GET /v1/feed?cursor=abc&limit=20 returns the next page\n"
           "A bad cursor returns 400 Bad Request; too many calls return 429 Too Many Requests.")
    report = score(scorer, catalog, {5: api})
    for criterion_id in ("components.api", "components.api-evolution", "components.errors"):
        assert criterion(report, criterion_id).met, criterion_id
    bare = score(scorer, catalog, {5: "Users call the service to read things."})
    assert not criterion(bare, "components.api-evolution").met


def test_a_later_choice_that_uses_a_stated_target_earns_the_link(scorer, catalog):
    steps = {1: "Reading the feed must take under 200 ms at p99.",
             6: "To hold the 200 ms read target, each user's feed is cached in Redis."}
    link = criterion(score(scorer, catalog, steps), "scaling.requirement-link")
    assert link.met and "200" in link.evidence[0].matched
    steps[1] = "Users read a feed."
    assert not criterion(score(scorer, catalog, steps), "scaling.requirement-link").met


def test_targets_need_a_figure(scorer, catalog):
    vague = score(scorer, catalog, {1: "The feed needs low latency for every reader."})
    latency = criterion(vague, "clarify.latency")
    assert not latency.met and "without a figure" in latency.feedback
    exact = score(scorer, catalog, {1: "The feed loads in under 200 ms at p99."})
    assert criterion(exact, "clarify.latency").met


def test_worked_arithmetic_earns_credit_and_a_wrong_figure_is_named(scorer, catalog):
    right = score(scorer, catalog, {2: "Assume 200M DAU.\n100M posts/day / 86,400 s ≈ 1,160 QPS."})
    assert criterion(right, "scale.arithmetic").met
    assert not [m for m in right.mistakes if m.id == "estimate-off"]
    wrong = score(scorer, catalog, {2: "Assume 200M DAU.\n100M posts/day ≈ 12,000 QPS."})
    (mistake,) = [m for m in wrong.mistakes if m.id == "estimate-off"]
    assert mistake.message.startswith("Step 2, line 2:") and "1.2K" in mistake.message
    assert not criterion(wrong, "scale.arithmetic").met


def test_a_design_that_ignores_its_own_scale_is_pointed_out(scorer, catalog):
    steps = {2: "Peak load is 50,000 requests per second.",
             3: "A feed service reads posts from one Postgres database."}
    assert "scale-ignored" in [m.id for m in score(scorer, catalog, steps).mistakes]
    steps[6] = "We shard the posts table by author id across 32 nodes to spread the writes."
    assert "scale-ignored" not in [m.id for m in score(scorer, catalog, steps).mistakes]


def test_a_line_with_a_wrong_figure_earns_no_criterion(scorer, catalog):
    right = score(scorer, catalog, {2: "100M posts/day / 86,400 s ≈ 1,160 QPS."})
    wrong = score(scorer, catalog, {2: "100M posts/day / 86,400 s ≈ 12,000 QPS."})
    assert criterion(right, "scale.qps").met
    qps = criterion(wrong, "scale.qps")
    assert not qps.met and "figure that is off" in qps.feedback


def test_a_percentile_name_is_not_a_figure(scorer, catalog):
    vague = score(scorer, catalog, {1: "Feed reads need low p99 latency."})
    assert not criterion(vague, "clarify.latency").met
