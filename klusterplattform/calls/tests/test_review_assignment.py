"""Reviewer assignment by officers: the page, bulk assignment (idempotent), refusals, unassignment, permissions."""

import pytest
from django.urls import reverse

from klusterplattform.calls.models import ReviewAssignment

from .review_world import assign as make_assignment
from .review_world import build, en, submitted

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    return build()


def url(world):
    return reverse("calls:assign_reviewers", args=[world.call.slug])


def test_the_page_lists_applications_in_review_and_the_reviewers(client, world):
    client.force_login(world.officer)
    html = client.get(en("calls:assign_reviewers", world.call.slug)).content.decode()
    assert world.cluster_a.name in html and world.cluster_b.name in html
    assert "Utkastklustret" not in html  # a draft is not assigned
    for reviewer in (world.rev1, world.rev2, world.rev3):
        assert reviewer.full_name in html
    assert world.officer.full_name not in html.split("<table")[1]  # only reviewers are columns


def test_bulk_assignment_assigns_every_chosen_reviewer_to_every_chosen_application(client, world):
    client.force_login(world.officer)
    data = {"applications": [world.app_a.pk, world.app_b.pk], "reviewers": [world.rev1.pk, world.rev2.pk]}
    response = client.post(url(world), data)
    assert response.status_code == 302
    pairs = set(ReviewAssignment.objects.values_list("application_id", "reviewer_id"))
    assert pairs == {(a.pk, r.pk) for a in (world.app_a, world.app_b) for r in (world.rev1, world.rev2)}
    assert ReviewAssignment.objects.filter(assigned_by=world.officer).count() == 4
    # Again, with one more reviewer: the existing four are kept, one new per application.
    first = set(ReviewAssignment.objects.values_list("pk", flat=True))
    client.post(url(world), {**data, "reviewers": [world.rev1.pk, world.rev3.pk]})
    assert ReviewAssignment.objects.count() == 6
    assert first <= set(ReviewAssignment.objects.values_list("pk", flat=True))


@pytest.mark.parametrize("field", ["applications", "reviewers"])
def test_a_draft_application_or_a_non_reviewer_is_refused_and_nothing_is_written(client, world, field):
    client.force_login(world.officer)
    data = {"applications": [world.app_a.pk], "reviewers": [world.rev1.pk]}
    data[field] = data[field] + [world.app_draft.pk if field == "applications" else world.manager_a.pk]
    response = client.post(en("calls:assign_reviewers", world.call.slug), data)
    assert response.status_code == 200
    assert "There is a problem" in response.content.decode()
    assert not ReviewAssignment.objects.exists()


def test_nothing_chosen_is_an_error(client, world):
    client.force_login(world.officer)
    response = client.post(en("calls:assign_reviewers", world.call.slug), {})
    assert "Choose at least one application." in response.content.decode()
    assert not ReviewAssignment.objects.exists()


def test_the_officer_sees_a_declared_conflict_and_its_reason(client, world):
    assignment = make_assignment(world.app_a, world.rev1, declared=False)
    client.force_login(world.rev1)
    client.post(reverse("calls:declare_conflict", args=[assignment.pk]), {"conflict": "yes", "reason": "My cousin."})
    client.force_login(world.officer)
    html = client.get(en("calls:assign_reviewers", world.call.slug)).content.decode()
    assert "Conflict of interest declared" in html and "My cousin." in html


def test_unassign_asks_for_confirmation_then_removes(client, world):
    assignment = make_assignment(world.app_a, world.rev1)
    client.force_login(world.officer)
    page = en("calls:unassign_reviewer", world.call.slug, assignment.pk)
    response = client.get(page)
    assert "Remove the reviewer" in response.content.decode()
    assert ReviewAssignment.objects.filter(pk=assignment.pk).exists()
    assert client.post(page).status_code == 302
    assert not ReviewAssignment.objects.filter(pk=assignment.pk).exists()


def test_an_assignment_with_a_submitted_review_cannot_be_removed(client, world):
    assignment = make_assignment(world.app_a, world.rev1)
    submitted(assignment, {"impact": 3, "capacity": 2})
    client.force_login(world.officer)
    page = en("calls:unassign_reviewer", world.call.slug, assignment.pk)
    assert "cannot be removed" in client.get(page).content.decode()
    client.post(page)
    assert ReviewAssignment.objects.filter(pk=assignment.pk).exists()


def test_unassign_of_another_calls_assignment_is_404(client, world):
    from klusterplattform.calls.models import Call

    assignment = make_assignment(world.app_a, world.rev1)
    other = Call.objects.create(
        programme=world.call.programme,
        slug="other-call",
        title_sv="x",
        title_en="x",
        opens_at=world.call.opens_at,
        closes_at=world.call.closes_at,
    )
    client.force_login(world.officer)
    assert client.get(reverse("calls:unassign_reviewer", args=[other.slug, assignment.pk])).status_code == 404


@pytest.mark.parametrize(
    ("persona", "published", "expected"),
    [
        ("officer", True, 200),
        ("rev1", True, 403),
        ("manager_a", True, 403),
        ("outsider", True, 403),
        ("manager_a", False, 404),
        ("rev1", False, 404),
        ("officer", False, 200),
    ],
)
def test_who_may_assign(client, persona, published, expected):
    world = build(published=published)
    client.force_login(getattr(world, persona))
    assert client.get(url(world)).status_code == expected
    post = client.post(url(world), {"applications": [world.app_a.pk], "reviewers": [world.rev1.pk]})
    assert post.status_code == (302 if expected == 200 else expected)
    assert ReviewAssignment.objects.exists() == (expected == 200)


def test_anonymous_is_sent_to_sign_in(client, world):
    assert client.get(url(world)).status_code == 302


def test_the_page_queries_do_not_grow_with_applications(client, world, django_assert_max_num_queries):
    from klusterplattform.calls.models import Application
    from klusterplattform.registry.tests.factories import ClusterFactory

    client.force_login(world.officer)
    for reviewer in (world.rev1, world.rev2):
        make_assignment(world.app_a, reviewer)
    for _ in range(6):
        extra = Application.objects.create(
            call=world.call, cluster=ClusterFactory(), form_version=world.form_version, status="in_review"
        )
        make_assignment(extra, world.rev1)
    with django_assert_max_num_queries(14):
        assert client.get(url(world)).status_code == 200
