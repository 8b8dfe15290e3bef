"""The match API: GET /matches for exactly one of cluster, post and q (400 otherwise; 422 only for a request the
schema refuses; 404 for a subject the caller cannot see; 401 without credentials), the member organisations limited
to those the caller may see, demo never mixed with real, and POST /matches/feedback (201, then 200 for a changed vote;
404 for a candidate that is not a match). A pinned query count, and schemathesis with a token."""

import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import positive_data_acceptance

from klusterplattform.accounts.models import ApiToken
from klusterplattform.matchmaking.models import MatchFeedback
from klusterplattform.matchmaking.tests.matches_world import TEXTILE_NEED, build_match_world, rebuild_index
from klusterplattform.matchmaking.tests.world import make_post
from klusterplattform.registry.tests.factories import ClusterFactory

pytestmark = pytest.mark.django_db

URL = "/api/v1/matches"
FEEDBACK = "/api/v1/matches/feedback"
EN = {"HTTP_ACCEPT_LANGUAGE": "en"}


@pytest.fixture
def world():
    return build_match_world()


def get(client, user, status=200, **params):
    if user is not None:
        client.force_login(user)
    response = client.get(URL, params, **EN)
    assert response.status_code == status, response.content
    return response.json()


def send(client, user, body, status):
    client.force_login(user)
    response = client.post(FEEDBACK, body, content_type="application/json", **EN)
    assert response.status_code == status, response.content
    return response.json()


def names(answer) -> list[str]:
    return [item["name"] for item in answer["items"]]


def test_anonymous_callers_get_401(client, world):
    assert client.get(URL, {"post": world.post.pk}).status_code == 401
    body = {"post": world.post.pk, "kind": "cluster", "candidate": world.cluster_b.pk, "vote": 1}
    assert client.post(FEEDBACK, body, content_type="application/json").status_code == 401


def test_a_post_answers_with_the_subject_and_ranked_clusters_with_reasons(client, world):
    answer = get(client, world.manager_a, post=world.post.pk)
    assert answer["subject"] == {
        "type": "post",
        "cluster": {"slug": world.cluster_a.slug, "name": world.cluster_a.name},
        "post": world.post.pk,
        "post_title": world.post.title,
        "text": None,
        "countries": [],
        "is_demo": False,
    }
    assert (answer["kind"], answer["total"], answer["page"], answer["pages"]) == ("cluster", 2, 1, 1)
    first = answer["items"][0]
    assert (first["kind"], first["id"], first["slug"]) == ("cluster", world.cluster_b.pk, world.cluster_b.slug)
    assert first["url"].endswith(f"/kluster/{world.cluster_b.slug}/")
    assert 0 < first["score"] <= 100
    assert all(0 <= value <= 1 for value in first["components"].values())
    assert first["components"]["ecosystems"] == 1.0
    codes = {reason["code"] for reason in first["reasons"]}
    assert {"sought_e", "text_strength"} <= codes
    assert all(set(r) == {"code", "component", "text", "points"} for r in first["reasons"])
    assert first["via_cluster"] is None and first["vote"] is None


def test_a_cluster_or_a_described_need_may_be_the_subject(client, world):
    by_cluster = get(client, world.outsider, cluster=world.cluster_a.slug)
    assert names(by_cluster)[0] == world.cluster_b.name
    assert by_cluster["subject"]["type"] == "cluster"
    by_text = get(client, world.outsider, q=TEXTILE_NEED, country=["SE", "FR"])
    assert names(by_text)[0] == world.cluster_b.name
    assert by_text["subject"]["countries"] == ["FR", "SE"]
    assert "geography" in by_text["items"][0]["components"]


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"kind": "organisation"},
        {"q": "fibre", "cluster": "x"},
        {"q": "fibre", "post": 1},
        {"cluster": "x", "post": 1},
    ],
    ids=["nothing", "only a kind", "q and cluster", "q and post", "cluster and post"],
)
def test_none_or_several_subjects_is_a_400_that_says_why(client, world, params):
    answer = get(client, world.outsider, 400, **params)
    assert "exactly one of cluster" in answer["detail"]


@pytest.mark.parametrize(
    "params",
    [
        {"q": "a"},
        {"q": "x" * 501},
        {"q": "fibre", "page": 51},
        {"q": "fibre", "page": 0},
        {"q": "fibre", "kind": "person"},
        {"q": "fibre", "country": "se"},
        {"post": "abc"},
        {"cluster": "not a slug"},
    ],
    ids=["q too short", "q too long", "page past 50", "page 0", "unknown kind", "lower-case country", "post", "slug"],
)
def test_a_request_the_schema_refuses_is_a_422(client, world, params):
    get(client, world.outsider, 422, **params)


def test_a_subject_the_caller_cannot_see_is_a_404(client, world):
    closed = make_post(world.cluster_a, closed=True)
    get(client, world.outsider, 404, post=closed.pk)
    get(client, world.manager_b, 404, post=closed.pk)
    get(client, world.manager_a, post=closed.pk)
    get(client, world.outsider, 404, cluster=world.hidden_cluster.slug)
    get(client, world.officer, cluster=world.hidden_cluster.slug)
    get(client, world.outsider, 404, cluster="no-such-cluster")
    get(client, world.outsider, 404, post=2**63 - 1)


@pytest.mark.parametrize(
    ("persona", "expected"),
    [
        ("manager_a", {"Alfa Fibre AB", "Bravo Sorting AB"}),
        ("manager_b", {"Bravo Sorting AB"}),
        ("officer", {"Alfa Fibre AB", "Bravo Sorting AB", "Charlie Cells AB"}),
        ("outsider", set()),
    ],
    ids=["manager_a", "manager_b", "officer", "outsider"],
)
def test_member_organisations_are_only_those_the_caller_may_see(client, world, persona, expected):
    answer = get(client, getattr(world, persona), post=world.post.pk, kind="organisation")
    assert set(names(answer)) == expected
    assert answer["total"] == len(expected)


def test_a_member_organisation_carries_its_type_and_cluster(client, world):
    answer = get(client, world.officer, post=world.post.pk, kind="organisation")
    bravo = next(item for item in answer["items"] if item["id"] == world.bravo.pk)
    assert (bravo["kind"], bravo["slug"], bravo["url"], bravo["organisation_type"]) == (
        "organisation",
        None,
        None,
        "research",
    )
    assert bravo["via_cluster"] == {"slug": world.cluster_b.slug, "name": world.cluster_b.name}
    assert "member_of" in {reason["code"] for reason in bravo["reasons"]}


def test_demo_and_real_never_mix(client, world):
    real = get(client, world.officer, q=TEXTILE_NEED)
    assert world.demo_cluster.name not in names(real)
    demo = get(client, world.officer, q=TEXTILE_NEED, demo="true")
    assert names(demo) == [world.demo_cluster.name] and demo["subject"]["is_demo"]
    members = get(client, world.officer, q=TEXTILE_NEED, demo="true", kind="organisation")
    assert names(members) == [world.demo_organisation.name]
    real_members = get(client, world.officer, q=TEXTILE_NEED, kind="organisation")
    assert world.demo_organisation.name not in names(real_members)
    by_post = get(client, world.officer, post=world.post.pk, demo="true")  # a real post stays in the real data
    assert world.demo_cluster.name not in names(by_post) and not by_post["subject"]["is_demo"]


def test_paging_gives_twenty_at_a_time(client, world):
    for number in range(25):
        ClusterFactory(name=f"Api Fibre Cluster {number:02d}", strengths="Fibre recycling.")
    rebuild_index()
    first = get(client, world.outsider, q=TEXTILE_NEED)
    second = get(client, world.outsider, q=TEXTILE_NEED, page=2)
    assert (len(first["items"]), first["pages"], second["page"]) == (20, 2, 2)
    assert len(second["items"]) == first["total"] - 20
    assert not set(names(first)) & set(names(second))
    assert get(client, world.outsider, q=TEXTILE_NEED, page=50)["items"] == []


def test_a_vote_is_created_then_changed_and_shown_with_the_matches(client, world):
    body = {"post": world.post.pk, "kind": "cluster", "candidate": world.cluster_b.pk, "vote": 1}
    created = send(client, world.manager_a, body, 201)
    assert (created["subject"], created["kind"], created["candidate"], created["vote"]) == (
        "post",
        "cluster",
        world.cluster_b.pk,
        1,
    )
    shown = get(client, world.manager_a, post=world.post.pk)["items"][0]
    assert created["score"] == shown["score"]
    assert [r["code"] for r in created["reasons"]] == [r["code"] for r in shown["reasons"]]
    assert shown["vote"] == 1
    changed = send(client, world.manager_a, {**body, "vote": -1}, 200)
    assert (changed["id"], changed["vote"]) == (created["id"], -1)
    assert MatchFeedback.objects.count() == 1
    assert get(client, world.manager_a, post=world.post.pk)["items"][0]["vote"] == -1


def test_a_vote_on_a_described_need_keeps_the_text(client, world):
    body = {"q": TEXTILE_NEED, "kind": "cluster", "candidate": world.cluster_b.pk, "vote": 1}
    send(client, world.outsider, body, 201)
    assert MatchFeedback.objects.get().need_text == TEXTILE_NEED


@pytest.mark.parametrize(
    ("persona", "kind", "candidate"),
    [
        ("manager_a", "cluster", "demo_cluster"),
        ("manager_a", "cluster", "hidden_cluster"),
        ("manager_a", "cluster", "cluster_a"),
        ("outsider", "organisation", "bravo"),
        ("manager_b", "organisation", "alfa"),
    ],
    ids=["demo cluster", "unpublished cluster", "the seeker", "outsider on a member", "another cluster's member"],
)
def test_a_vote_on_a_candidate_that_is_not_a_match_is_a_404(client, world, persona, kind, candidate):
    body = {"post": world.post.pk, "kind": kind, "candidate": getattr(world, candidate).pk, "vote": 1}
    send(client, getattr(world, persona), body, 404)
    assert not MatchFeedback.objects.exists()


def test_a_vote_needs_one_subject_and_a_valid_body(client, world):
    candidate = {"kind": "cluster", "candidate": world.cluster_b.pk, "vote": 1}
    assert "exactly one" in send(client, world.outsider, candidate, 400)["detail"]
    send(client, world.outsider, {**candidate, "post": world.post.pk, "q": TEXTILE_NEED}, 400)
    send(client, world.outsider, {**candidate, "post": world.post.pk, "vote": 2}, 422)
    send(client, world.outsider, {**candidate, "post": world.post.pk, "extra": 1}, 422)
    closed = make_post(world.cluster_a, closed=True)
    send(client, world.outsider, {**candidate, "post": closed.pk}, 404)
    assert not MatchFeedback.objects.exists()


def test_a_token_works_like_the_session(client, world):
    _token, raw = ApiToken.issue(world.manager_b)
    response = client.get(URL, {"post": world.post.pk, "kind": "organisation"}, HTTP_AUTHORIZATION=f"Bearer {raw}")
    assert response.status_code == 200
    assert {item["name"] for item in response.json()["items"]} == {"Bravo Sorting AB"}
    bad = client.get(URL, {"post": world.post.pk}, HTTP_AUTHORIZATION="Bearer kp_not-a-token")
    assert bad.status_code == 401


PINNED = 19  # as the page (test_matches_pages.py), with the token or session instead of the page's own lookups


def test_query_count_of_the_api_is_pinned_and_does_not_grow(client, world, django_assert_num_queries):
    client.force_login(world.manager_a)
    client.get(
        URL, {"post": world.post.pk}
    )  # the engine keeps the parsed cluster documents while the index is unchanged
    with django_assert_num_queries(PINNED):
        client.get(URL, {"post": world.post.pk})
    for number in range(30):
        ClusterFactory(name=f"More Api Cluster {number}", strengths="Fibre recycling.", ecosystems=[world.textiles])
    rebuild_index()
    client.get(URL, {"post": world.post.pk})
    with django_assert_num_queries(PINNED):
        response = client.get(URL, {"post": world.post.pk})
    assert len(response.json()["items"]) == 20


schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application()).include(
    path_regex="^/api/v1/matches"
)


@pytest.fixture
def officer_token(db):
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    world = build_match_world("fz")
    _token, raw = ApiToken.issue(world.officer)
    yield raw
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


def schema_valid_requests_are_never_422(ctx, response, case):
    if case.meta is not None and case.meta.generation.mode.is_positive and response.status_code == 422:
        raise AssertionError(f"A schema-valid request got 422: {response.text[:500]}")


@schema.parametrize()
@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
def test_the_match_operations_answer_as_their_schema_says(case, officer_token):
    # A schema-valid request may still name no subject or several (400) or an unknown one (404), so the check that
    # every schema-valid request succeeds does not apply; a 500, a 422 or an undocumented answer still fails.
    case.call_and_validate(
        headers={"Authorization": f"Bearer {officer_token}"},
        excluded_checks=[positive_data_acceptance],
        additional_checks=[schema_valid_requests_are_never_422],
    )
