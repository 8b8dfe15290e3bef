"""The reviews API: GET /api/v1/applications/{id}/reviews per persona, PUT of the caller's own review."""

import pytest

from klusterplattform.calls.models import Review

from .review_world import assign, build, submitted

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    world = build(visibility="never")
    world.mine = assign(world.app_a, world.rev1)
    world.other = assign(world.app_a, world.rev2)
    submitted(world.other, {"impact": 2, "capacity": 1}, {"impact": "Weak."})
    return world


def url(world):
    return f"/api/v1/applications/{world.app_a.pk}/reviews"


def put(client, world, body):
    return client.put(url(world), body, content_type="application/json")


@pytest.mark.parametrize(
    ("persona", "expected"),
    [("officer", 200), ("rev1", 200), ("rev2", 200), ("manager_a", 403), ("regional_in", 403), ("rev3", 404)],
)
def test_who_reads_the_reviews(client, world, persona, expected):
    client.force_login(getattr(world, persona))
    assert client.get(url(world)).status_code == expected


def test_anonymous_gets_401(client, world):
    assert client.get(url(world)).status_code == 401
    assert put(client, world, {"scores": {}}).status_code == 401


def test_officers_read_every_review_with_names_and_figures(client, world):
    Review.objects.create(assignment=world.mine, scores={"impact": 5})  # a draft
    client.force_login(world.officer)
    body = client.get(url(world)).json()
    assert [(r["reviewer"], r["submitted"]) for r in body] == [("Person rev1", False), ("Person rev2", True)]
    weak = body[1]
    assert weak["total"] == 5  # 2·2 + 1·1
    assert weak["percentage"] == pytest.approx(100 * (2 * 1 + 1) / 11)


def test_a_reviewer_reads_their_own_only_when_the_phase_hides_the_others(client, world):
    client.force_login(world.rev2)
    body = client.get(url(world), HTTP_ACCEPT_LANGUAGE="en").json()
    assert [(r["reviewer"], r["own"]) for r in body] == [("You", True)]


def test_put_saves_a_draft_then_submits(client, world):
    client.force_login(world.rev1)
    response = put(client, world, {"scores": {"impact": 3}, "comments": {"impact": "Fine."}})
    assert response.status_code == 200, response.content
    assert response.json()["submitted"] is False
    body = {"scores": {"impact": 4, "capacity": None}, "comments": {"impact": "Good."}, "submit": True}
    response = put(client, world, body)
    assert response.status_code == 200
    assert response.json()["submitted"] is True and response.json()["total"] == 8
    review = Review.objects.get(assignment=world.mine)
    assert review.scores == {"impact": 4, "capacity": None} and review.is_submitted
    assert put(client, world, body).status_code == 409  # submitted: no more changes


@pytest.mark.parametrize(
    "body",
    [
        {"scores": {"impact": 9}},
        {"scores": {"impact": None}},  # n/a not allowed
        {"scores": {"nonsense": 1}},
        {"scores": {"impact": 4}, "submit": True},  # capacity missing
        {"scores": {"impact": 4, "capacity": 1}, "submit": True},  # impact's comment missing
        {"scores": {"impact": "four"}},
    ],
)
def test_invalid_reviews_are_422_and_nothing_is_written(client, world, body):
    client.force_login(world.rev1)
    assert put(client, world, body).status_code == 422
    assert not Review.objects.filter(assignment=world.mine).exists()


def test_put_before_declaring_is_409(client, world):
    undeclared = assign(world.app_b, world.rev1, declared=False)
    client.force_login(world.rev1)
    response = client.put(
        f"/api/v1/applications/{world.app_b.pk}/reviews", {"scores": {"impact": 3}}, content_type="application/json"
    )
    assert response.status_code == 409
    assert not Review.objects.filter(assignment=undeclared).exists()


@pytest.mark.parametrize(("persona", "expected"), [("officer", 403), ("manager_a", 403), ("rev3", 404)])
def test_only_the_reviewers_write(client, world, persona, expected):
    client.force_login(getattr(world, persona))
    assert put(client, world, {"scores": {"impact": 3}}).status_code == expected
    assert Review.objects.count() == 1
