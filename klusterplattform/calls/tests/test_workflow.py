"""The application workflow: every transition as every persona (allowed or refused), every transition from every
status it does not start from, the deadline to the second in two time zones, and nothing half-written on refusal."""

import datetime
import zoneinfo

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.utils import translation

from klusterplattform.calls import workflow
from klusterplattform.calls.choices import ApplicationStatus
from klusterplattform.calls.models import ApplicationEditor, ApplicationEvent, Call, Endorsement, ReviewAssignment
from klusterplattform.calls.tests.application_fixtures import application_in, at, draft
from klusterplattform.calls.tests.calls_world import build_world
from klusterplattform.calls.workflow import TRANSITIONS, TransitionRefused
from klusterplattform.registry.tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PERSONAS = [
    "manager_a",  # the owner cluster's manager
    "editor",  # a colleague invited to edit it (accepted)
    "manager_b",  # another cluster's manager
    "regional_a",  # the officer of the region the application names
    "regional_b",  # another region's officer
    "reviewer_1",  # a reviewer assigned to it
    "officer",
    "anonymous",
]
# Where each transition is tried from (with its conditions met), and who may make it.
SOURCE = {
    "submit": "draft",
    "withdraw": "submitted",
    "check": "submitted",
    "admit": "eligibility_check",
    "reject_ineligible": "eligibility_check",
    "select": "in_review",
    "reserve": "in_review",
    "reject": "in_review",
}
ALLOWED = {code: {"officer"} for code in TRANSITIONS} | {
    "submit": {"manager_a", "editor"},
    "withdraw": {"manager_a", "editor"},
}


@pytest.fixture
def world(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return build_world()


def _setting(world, status):
    application = application_in(world, status, regions=[world.region_a])
    editor = UserFactory(email="kollega@example.org")
    ApplicationEditor.objects.create(application=application, email=editor.email, user=editor)
    ReviewAssignment.objects.create(application=application, reviewer=world.reviewer_1)
    if status == "eligibility_check":
        from klusterplattform.calls.tests.application_fixtures import priority_area

        area = priority_area(world.region_a)
        for endorsement in application.endorsements.all():
            endorsement.status, endorsement.priority_area = "confirmed", area
            endorsement.save()
    users = {name: getattr(world, name, None) for name in PERSONAS}
    users["editor"], users["anonymous"] = editor, AnonymousUser()
    return application, users


def test_the_table_covers_every_transition():
    assert set(SOURCE) == set(TRANSITIONS) == set(ALLOWED)


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("code", list(TRANSITIONS))
def test_each_transition_as_each_persona(world, code, persona):
    application, users = _setting(world, SOURCE[code])
    events = ApplicationEvent.objects.count()
    step = TRANSITIONS[code]
    if persona in ALLOWED[code]:
        workflow.transition(application, users[persona], code, "Motivering")
        application.refresh_from_db()
        assert application.status == step.target
        event = ApplicationEvent.objects.latest("pk")
        assert (event.transition, event.from_status, event.to_status) == (code, SOURCE[code], step.target)
        assert event.actor == users[persona] and event.comment == "Motivering"
    else:
        with pytest.raises(PermissionDenied):
            workflow.transition(application, users[persona], code, "Motivering")
        application.refresh_from_db()
        assert application.status == SOURCE[code]
        assert ApplicationEvent.objects.count() == events
    assert (step.code in {t.code for t in workflow.available(application, users[persona])}) == (
        persona in ALLOWED[code] and application.status in step.sources
    )


@pytest.mark.parametrize("status", list(ApplicationStatus.values))
def test_a_transition_from_another_status_is_refused_and_changes_nothing(world, status):
    application, users = _setting(world, status)
    for code, step in TRANSITIONS.items():
        if status in step.sources:
            continue
        user = users["manager_a"] if code in ("submit", "withdraw") else users["officer"]
        events = ApplicationEvent.objects.count()
        with pytest.raises(TransitionRefused):
            workflow.transition(application, user, code, "Motivering")
        application.refresh_from_db()
        assert application.status == status, code
        assert ApplicationEvent.objects.count() == events


def test_decided_and_withdrawn_applications_are_final(world):
    for status in ("selected", "reserve", "rejected", "withdrawn"):
        assert not any(status in step.sources for step in TRANSITIONS.values())


def test_decisions_need_a_justification(world):
    application = application_in(world, "in_review")
    for code in ("select", "reserve", "reject"):
        with pytest.raises(TransitionRefused):
            workflow.transition(application, world.officer, code, "   ")
    application.refresh_from_db()
    assert application.status == "in_review" and not application.justification


def test_a_removed_editor_may_no_longer_submit(world):
    application = draft(world)
    editor = UserFactory(email="kollega@example.org")
    invitation = ApplicationEditor.objects.create(application=application, email=editor.email, user=editor)
    invitation.delete()
    with pytest.raises(PermissionDenied):
        workflow.transition(application, editor, "submit")


# -- the deadline ------------------------------------------------------------------------------------------------

STOCKHOLM = zoneinfo.ZoneInfo("Europe/Stockholm")
NEW_YORK = zoneinfo.ZoneInfo("America/New_York")


def _deadline(world, zone_name, closes_local):
    """Cluster A's complete draft, in a call that closes at `closes_local` in `zone_name`."""
    application = draft(world, regions=[world.region_a])
    zone = zoneinfo.ZoneInfo(zone_name)
    closes = closes_local.replace(tzinfo=zone)
    Call.objects.filter(pk=world.call.pk).update(
        time_zone=zone_name, opens_at=closes - datetime.timedelta(days=30), closes_at=closes
    )
    application.call.refresh_from_db()
    return application, closes


def _submit_at(application, user, moment):
    with at(moment), translation.override("en"):
        return workflow.transition(application, user, "submit")


def test_one_second_before_the_deadline_is_accepted(world):
    application, closes = _deadline(world, "Europe/Stockholm", datetime.datetime(2026, 11, 30, 17, 0))
    _submit_at(application, world.manager_a, closes - datetime.timedelta(seconds=1))
    application.refresh_from_db()
    assert application.status == "submitted"
    assert application.submitted_at == closes - datetime.timedelta(seconds=1)
    assert Endorsement.objects.filter(application=application, status="pending").count() == 1


@pytest.mark.parametrize("after", [0, 1])
def test_at_or_after_the_deadline_is_refused_with_the_time_in_the_calls_zone(world, after):
    application, closes = _deadline(world, "Europe/Stockholm", datetime.datetime(2026, 11, 30, 17, 0))
    with pytest.raises(TransitionRefused) as refused:
        _submit_at(application, world.manager_a, closes + datetime.timedelta(seconds=after))
    assert refused.value.messages == [
        f"The call closed on 30 November 2026 at 17:00 (Europe/Stockholm). It is now 17:00:0{after}."
    ]
    application.refresh_from_db()
    assert application.status == "draft" and application.submitted_at is None
    assert not ApplicationEvent.objects.exists() and not Endorsement.objects.exists()


def test_a_call_in_new_york_closes_at_new_york_time(world):
    application, closes = _deadline(world, "America/New_York", datetime.datetime(2026, 11, 30, 17, 0))
    assert closes.astimezone(datetime.UTC).hour == 22  # 17:00 in New York is 22:00 UTC (winter time)
    # 17:30 in Stockholm is long before the New York deadline.
    stockholm_evening = datetime.datetime(2026, 11, 30, 17, 30, tzinfo=STOCKHOLM)
    with pytest.raises(TransitionRefused) as refused:
        _submit_at(application, world.manager_a, closes + datetime.timedelta(seconds=1))
    assert refused.value.messages == [
        "The call closed on 30 November 2026 at 17:00 (America/New_York). It is now 17:00:01."
    ]
    _submit_at(application, world.manager_a, stockholm_evening)
    application.refresh_from_db()
    assert application.status == "submitted"


def test_one_second_before_in_new_york_is_accepted(world):
    application, closes = _deadline(world, "America/New_York", datetime.datetime(2026, 11, 30, 17, 0))
    _submit_at(application, world.manager_a, closes - datetime.timedelta(seconds=1))
    application.refresh_from_db()
    assert application.status == "submitted"


def test_a_day_late_the_message_names_the_day(world):
    application, closes = _deadline(world, "Europe/Stockholm", datetime.datetime(2026, 11, 30, 17, 0))
    with pytest.raises(TransitionRefused) as refused:
        _submit_at(application, world.manager_a, closes + datetime.timedelta(days=1, minutes=5))
    assert refused.value.messages == [
        "The call closed on 30 November 2026 at 17:00 (Europe/Stockholm). It is now 1 December 2026, 17:05:00."
    ]


def test_before_the_call_opens_submission_is_refused(world):
    application, closes = _deadline(world, "Europe/Stockholm", datetime.datetime(2026, 11, 30, 17, 0))
    opens = closes - datetime.timedelta(days=30)
    with pytest.raises(TransitionRefused) as refused:
        _submit_at(application, world.manager_a, opens - datetime.timedelta(seconds=1))
    assert refused.value.messages == [
        "The call opens on 31 October 2026 at 17:00 (Europe/Stockholm). It is now 16:59:59."
    ]
    _submit_at(application, world.manager_a, opens)
    application.refresh_from_db()
    assert application.status == "submitted"


def test_the_message_is_in_swedish_on_swedish_pages(world):
    application, closes = _deadline(world, "Europe/Stockholm", datetime.datetime(2026, 11, 30, 17, 0))
    with (
        at(closes + datetime.timedelta(seconds=1)),
        translation.override("sv"),
        pytest.raises(TransitionRefused) as refused,
    ):
        workflow.transition(application, world.manager_a, "submit")
    assert "17:00:01" in refused.value.messages[0] and "Europe/Stockholm" in refused.value.messages[0]


# -- the other conditions of submission ----------------------------------------------------------------------------


def test_an_incomplete_application_is_refused_listing_the_missing_fields(world):
    application = draft(world, complete=False, regions=[world.region_a])
    with translation.override("en"), pytest.raises(TransitionRefused) as refused:
        workflow.transition(application, world.manager_a, "submit")
    message = refused.value.messages[0]
    assert message.startswith("The application is not complete. Still missing:")
    assert "Strategy document" in message and "The cluster organisation's mission and goals" in message
    application.refresh_from_db()
    assert application.status == "draft"


def test_a_region_must_be_named_when_the_call_requires_endorsement(world):
    application = draft(world, regions=[])
    with translation.override("en"), pytest.raises(TransitionRefused) as refused:
        workflow.transition(application, world.manager_a, "submit")
    assert "Name at least one region" in refused.value.messages[0]
    Call.objects.filter(pk=world.call.pk).update(requires_endorsement=False)
    application.call.refresh_from_db()
    workflow.transition(application, world.manager_a, "submit")
    application.refresh_from_db()
    assert application.status == "submitted" and not application.endorsements.exists()


def test_submission_asks_each_named_region(world):
    application = draft(world, regions=[world.region_a, world.region_b])
    workflow.transition(application, world.manager_a, "submit")
    assert sorted(e.region.code for e in application.endorsements.all()) == sorted(
        [world.region_a.code, world.region_b.code]
    )
    assert set(application.endorsements.values_list("status", flat=True)) == {"pending"}
