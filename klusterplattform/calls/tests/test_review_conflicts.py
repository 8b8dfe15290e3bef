"""Conflicts of interest: the declaration comes before the application's content; a declared conflict removes the
reviewer from the application everywhere (list, review page, application page, API); a reviewer sees only
assigned applications."""

import pytest
from django.urls import reverse

from klusterplattform.calls.models import ReviewAssignment
from klusterplattform.calls.permissions import may_view

from .review_world import assign, build, en

pytestmark = pytest.mark.django_db
MISSION = "We build battery value chains in the north."


@pytest.fixture
def world():
    return build()


def test_before_declaring_the_reviewer_sees_the_declaration_not_the_application(client, world):
    assignment = assign(world.app_a, world.rev1, declared=False)
    client.force_login(world.rev1)
    html = client.get(en("calls:review", assignment.pk)).content.decode()
    assert "Do you have a conflict of interest with this application?" in html
    assert MISSION not in html
    assert "Conflict of interest to declare" in client.get(en("calls:my_reviews")).content.decode()


def test_declaring_no_conflict_records_it_and_opens_the_application(client, world):
    assignment = assign(world.app_a, world.rev1, declared=False)
    client.force_login(world.rev1)
    response = client.post(en("calls:declare_conflict", assignment.pk), {"conflict": "no"})
    assert response.status_code == 302
    assignment.refresh_from_db()
    assert assignment.no_conflict_declared_at is not None and assignment.conflict_declared_at is None
    html = client.get(en("calls:review", assignment.pk)).content.decode()
    assert MISSION in html and "Submit review" in html
    # Declaring "no conflict" twice changes nothing.
    first = assignment.no_conflict_declared_at
    client.post(en("calls:declare_conflict", assignment.pk), {"conflict": "no"})
    assignment.refresh_from_db()
    assert assignment.no_conflict_declared_at == first


def test_a_conflict_needs_a_reason(client, world):
    assignment = assign(world.app_a, world.rev1, declared=False)
    client.force_login(world.rev1)
    response = client.post(en("calls:declare_conflict", assignment.pk), {"conflict": "yes", "reason": "  "})
    assert response.status_code == 200
    assert "Describe the conflict of interest." in response.content.decode()
    assignment.refresh_from_db()
    assert assignment.conflict_declared_at is None


def test_a_declared_conflict_removes_the_reviewer_everywhere(client, world):
    assignment = assign(world.app_a, world.rev1, declared=False)
    client.force_login(world.rev1)
    # Before declaring, the application page sends the reviewer to the declaration; its content is not shown.
    page = client.get(reverse("calls:application", args=[world.app_a.pk]))
    assert page.status_code == 302 and page.url.endswith(f"/granskning/{assignment.pk}/jav/")
    assert client.get(f"/api/v1/applications/{world.app_a.pk}").status_code == 403
    assert client.get(f"/api/v1/applications/{world.app_a.pk}/reviews").status_code == 200
    response = client.post(en("calls:declare_conflict", assignment.pk), {"conflict": "yes", "reason": "I chair it."})
    assert response.status_code == 302
    assignment.refresh_from_db()
    assert assignment.conflict_declared_at is not None and assignment.conflict_reason == "I chair it."
    assert world.cluster_a.name not in client.get(en("calls:my_reviews")).content.decode()
    assert client.get(en("calls:review", assignment.pk)).status_code == 404
    assert client.post(en("calls:declare_conflict", assignment.pk), {"conflict": "no"}).status_code == 404
    assert client.get(reverse("calls:application", args=[world.app_a.pk])).status_code == 404
    assert client.get(f"/api/v1/applications/{world.app_a.pk}/reviews").status_code == 404
    put = client.put(f"/api/v1/applications/{world.app_a.pk}/reviews", {"scores": {}}, content_type="application/json")
    assert put.status_code == 404
    world.rev1.__dict__.pop("_kp_held", None)
    assert not may_view(world.rev1, world.app_a)


def test_a_conflict_after_no_conflict_still_removes_the_reviewer(client, world):
    assignment = assign(world.app_a, world.rev1)
    client.force_login(world.rev1)
    client.post(en("calls:declare_conflict", assignment.pk), {"conflict": "yes", "reason": "Found out today."})
    assert client.get(en("calls:review", assignment.pk)).status_code == 404


def test_a_reviewer_sees_only_their_assigned_applications(client, world):
    mine = assign(world.app_a, world.rev1)
    theirs = assign(world.app_b, world.rev2)
    client.force_login(world.rev1)
    html = client.get(en("calls:my_reviews")).content.decode()
    assert world.cluster_a.name in html and world.cluster_b.name not in html
    assert client.get(en("calls:review", mine.pk)).status_code == 200
    assert client.get(en("calls:review", theirs.pk)).status_code == 404
    assert client.get(reverse("calls:application", args=[world.app_b.pk])).status_code == 404
    assert client.get(f"/api/v1/applications/{world.app_b.pk}/reviews").status_code == 404


@pytest.mark.parametrize("persona", ["officer", "manager_a", "regional_in", "outsider", "rev3"])
def test_nobody_but_the_reviewer_reaches_a_review_page(client, world, persona):
    assignment = assign(world.app_a, world.rev1)
    client.force_login(getattr(world, persona))
    assert client.get(en("calls:review", assignment.pk)).status_code == 404
    assert client.post(en("calls:declare_conflict", assignment.pk), {"conflict": "no"}).status_code == 404


def test_a_reviewer_who_lost_the_role_reaches_nothing(client, world):
    assignment = assign(world.app_a, world.rev1)
    world.rev1.role_grants.all().delete()
    client.force_login(world.rev1)
    assert client.get(en("calls:review", assignment.pk)).status_code == 404
    assert world.cluster_a.name not in client.get(en("calls:my_reviews")).content.decode()


def test_anonymous_is_sent_to_sign_in(client, world):
    assignment = assign(world.app_a, world.rev1)
    assert client.get(reverse("calls:my_reviews")).status_code == 302
    assert client.get(reverse("calls:review", args=[assignment.pk])).status_code == 302
    assert ReviewAssignment.objects.get(pk=assignment.pk).conflict_declared_at is None


def test_my_reviews_queries_do_not_grow_with_assignments(client, world, django_assert_num_queries):
    from klusterplattform.calls.models import Application
    from klusterplattform.registry.tests.factories import ClusterFactory

    from .review_world import submitted

    assign(world.app_a, world.rev1)
    client.force_login(world.rev1)
    url = en("calls:my_reviews")
    client.get(url)
    with django_assert_num_queries(4) as first:  # session, user, role grants, the assignments
        client.get(url)
    for number in range(4):
        extra = Application.objects.create(
            call=world.call, cluster=ClusterFactory(), form_version=world.form_version, status="in_review"
        )
        mine = assign(extra, world.rev1, declared=number % 2 == 0)
        if number == 0:
            submitted(mine, {"impact": 3, "capacity": None})
    with django_assert_num_queries(len(first.captured_queries)):
        html = client.get(url).content.decode()
    assert html.count("/en/granskning/") >= 5
