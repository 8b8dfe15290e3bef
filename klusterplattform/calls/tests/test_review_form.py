"""The review form: drafts, submission rules (every criterion scored or n/a, required comments), read-only after
submitting; blind review; the other reviews per the review phase."""

import pytest

from klusterplattform.calls.models import Review

from .review_world import NAME_A, ORGNR_A, assign, build, en, submitted

pytestmark = pytest.mark.django_db
FULL = {
    "action": "submit",
    "score_impact": "4",
    "comment_impact": "Strong regional anchoring.",
    "score_capacity": "na",
    "overall_comment": "Recommended.",
}


@pytest.fixture
def world():
    return build()


def post(client, assignment, data):
    return client.post(en("calls:review", assignment.pk), data)


def test_a_draft_may_be_incomplete_and_is_shown_again(client, world):
    assignment = assign(world.app_a, world.rev1)
    client.force_login(world.rev1)
    assert post(client, assignment, {"action": "save", "score_impact": "3"}).status_code == 302
    review = Review.objects.get(assignment=assignment)
    assert review.scores == {"impact": 3} and review.submitted_at is None
    html = client.get(en("calls:review", assignment.pk)).content.decode()
    assert 'name="score_impact" value="3" id="id_score_impact_2" checked' in html
    assert html.count(" checked") == 1
    assert "Draft saved" in client.get(en("calls:my_reviews")).content.decode()


def test_submitting_needs_every_score_and_the_required_comments(client, world):
    assignment = assign(world.app_a, world.rev1)
    client.force_login(world.rev1)
    response = post(client, assignment, {"action": "submit", "score_impact": "4"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Give a score (or n/a where allowed)." in html  # capacity
    assert "A comment is required for this criterion." in html  # impact
    assert not Review.objects.exists()


def test_n_a_is_refused_where_the_criterion_does_not_allow_it_and_off_scale_scores_too(client, world):
    assignment = assign(world.app_a, world.rev1)
    client.force_login(world.rev1)
    assert post(client, assignment, {**FULL, "score_impact": "na"}).status_code == 200
    assert post(client, assignment, {**FULL, "score_impact": "9"}).status_code == 200
    assert not Review.objects.exists()


def test_a_submitted_review_is_stored_and_read_only(client, world):
    assignment = assign(world.app_a, world.rev1)
    client.force_login(world.rev1)
    assert post(client, assignment, FULL).status_code == 302
    review = Review.objects.get(assignment=assignment)
    assert review.scores == {"impact": 4, "capacity": None}
    assert review.comments == {"impact": "Strong regional anchoring."}
    assert review.submitted_at is not None
    html = client.get(en("calls:review", assignment.pk)).content.decode()
    assert "A submitted review cannot be changed." in html and "Submit review" not in html
    assert "disabled" in html
    post(client, assignment, {**FULL, "score_impact": "1"})
    review.refresh_from_db()
    assert review.scores["impact"] == 4
    assert "Submitted" in client.get(en("calls:my_reviews")).content.decode()


def test_no_review_is_written_once_the_application_is_decided(client, world):
    assignment = assign(world.app_a, world.rev1)
    world.app_a.status = "selected"
    world.app_a.save()
    client.force_login(world.rev1)
    post(client, assignment, FULL)
    assert not Review.objects.exists()


# Blind review


@pytest.mark.parametrize("hidden", [True, False])
def test_blind_review_hides_the_cluster_everywhere_the_reviewer_looks(client, hidden):
    world = build(hide_applicants=hidden)
    undeclared = assign(world.app_a, world.rev1, declared=False)
    client.force_login(world.rev1)
    pages = [client.get(en("calls:my_reviews")), client.get(en("calls:review", undeclared.pk))]
    client.post(en("calls:declare_conflict", undeclared.pk), {"conflict": "no"})
    pages.append(client.get(en("calls:review", undeclared.pk)))
    post(client, undeclared, FULL)
    pages.append(client.get(en("calls:review", undeclared.pk)))
    pages.append(client.get(en("calls:application", world.app_a.pk)))  # the application page hides it too
    for page in pages:
        html = page.content.decode()
        assert page.status_code == 200
        assert (NAME_A in html) is not hidden
        assert ORGNR_A not in html
        assert (f"Application {world.app_a.pk}" in html) is hidden


# The other reviews


def other_reviews_shown(client, world, visibility, own_submitted):
    world.phase.visibility = visibility
    world.phase.save()
    mine = assign(world.app_a, world.rev1)
    other = assign(world.app_a, world.rev2)
    submitted(other, {"impact": 2, "capacity": 1}, {"impact": "Secret remark of reviewer two."})
    if own_submitted:
        submitted(mine, {"impact": 5, "capacity": 3})
    client.force_login(world.rev1)
    html = client.get(en("calls:review", mine.pk)).content.decode()
    api = client.get(f"/api/v1/applications/{world.app_a.pk}/reviews", HTTP_ACCEPT_LANGUAGE="en").json()
    assert world.rev2.full_name not in html and world.rev2.email not in html
    shown = "Secret remark of reviewer two." in html
    assert shown == any(r["comments"].get("impact") == "Secret remark of reviewer two." for r in api)
    if shown:
        assert "Reviewer 2" in html
        assert {r["reviewer"] for r in api if not r["own"]} == {"Reviewer 2"}
    return shown


@pytest.mark.parametrize(
    ("visibility", "own_submitted", "expected"),
    [
        ("never", False, False),
        ("never", True, False),
        ("after_own", False, False),
        ("after_own", True, True),
        ("always", False, True),
        ("always", True, True),
    ],
)
def test_the_phase_decides_whether_reviewers_see_each_other(client, world, visibility, own_submitted, expected):
    assert other_reviews_shown(client, world, visibility, own_submitted) is expected


def test_without_a_current_phase_others_are_not_shown(client, world):
    world.call.current_phase = None
    world.call.save()
    mine = assign(world.app_a, world.rev1)
    submitted(mine, {"impact": 5, "capacity": 3})
    submitted(assign(world.app_a, world.rev2), {"impact": 2, "capacity": 1}, {"impact": "Hidden remark."})
    client.force_login(world.rev1)
    assert "Hidden remark." not in client.get(en("calls:review", mine.pk)).content.decode()


def test_a_conflicted_reviewers_review_is_not_shown_to_others(client, world):
    from django.utils import timezone

    world.phase.visibility = "always"
    world.phase.save()
    mine = assign(world.app_a, world.rev1)
    gone = assign(world.app_a, world.rev2)
    submitted(gone, {"impact": 1, "capacity": 0}, {"impact": "Before the conflict."})
    gone.conflict_declared_at = timezone.now()
    gone.save()
    client.force_login(world.rev1)
    assert "Before the conflict." not in client.get(en("calls:review", mine.pk)).content.decode()
