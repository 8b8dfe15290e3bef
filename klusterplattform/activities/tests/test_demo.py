"""The demo step "activities": the demo programme gets past and upcoming activities with registrations, a waiting
list, attendance, feedback, stated needs, news and contacts — all of it demo data, and removable."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from klusterplattform.activities.models import (
    Activity,
    FeedbackResponse,
    NewsItem,
    ProgrammeContact,
    Registration,
    StatedNeeds,
)
from klusterplattform.registry.choices import ParticipationStatus
from klusterplattform.registry.demo.programme import SLUG as PROGRAMME_SLUG
from klusterplattform.registry.reference import load_reference

SMALL = {"clusters": 40, "organisations": 600}


@pytest.fixture
def demo(db, settings):
    settings.KP_ALLOW_DEMO = True
    load_reference()
    call_command("load_demo", stdout=StringIO(), **SMALL)


def test_the_demo_programme_has_past_and_upcoming_activities_with_people(demo):
    activities = Activity.objects.filter(programme__slug=PROGRAMME_SLUG)
    now = timezone.now()
    assert activities.filter(ends_at__lt=now).count() >= 5
    assert activities.filter(starts_at__gt=now).count() >= 2
    assert not Activity.objects.filter(programme__is_demo=False).exists()
    # Only clusters that take part in the programme register, with fictional example.org addresses.
    participants = set(
        activities.first()
        .programme.participations.exclude(status=ParticipationStatus.WITHDRAWN)
        .values_list("cluster_id", flat=True)
    )
    registrations = Registration.objects.filter(activity__in=activities)
    assert set(registrations.values_list("cluster_id", flat=True)) <= participants
    assert all(email.endswith("@example.org") for email in registrations.values_list("email", flat=True))


def test_a_full_upcoming_activity_has_a_waiting_list_and_never_more_seats_than_capacity(demo):
    for activity in Activity.objects.filter(capacity__isnull=False):
        assert activity.registrations.filter(status="confirmed").count() <= activity.capacity
    upcoming = Activity.objects.filter(starts_at__gt=timezone.now(), capacity__isnull=False).order_by("capacity")
    assert upcoming.first().registrations.filter(status="waiting").exists()


def test_past_activities_have_attendance_and_anonymous_feedback(demo):
    past = Activity.objects.filter(ends_at__lt=timezone.now())
    assert Registration.objects.filter(activity__in=past, attended=True).exists()
    assert not Registration.objects.filter(activity__starts_at__gt=timezone.now(), attended__isnull=False).exists()
    assert FeedbackResponse.objects.filter(activity__in=past).count() > 0
    assert not FeedbackResponse.objects.exclude(activity__in=past).exists()


def test_stated_needs_news_and_contacts_belong_to_the_demo_programme(demo):
    assert StatedNeeds.objects.filter(round__is_demo=True).count() > 0
    assert not StatedNeeds.objects.filter(round__is_demo=False).exists()
    assert NewsItem.objects.filter(programme__slug=PROGRAMME_SLUG).count() == 3
    away = ProgrammeContact.objects.get(away_until__isnull=False)
    assert away.stand_in is not None and away.is_away()


def test_removing_the_demo_removes_the_activities(demo, settings):
    call_command("load_demo", "--remove", stdout=StringIO())
    assert not Activity.objects.exists()
    assert not Registration.objects.exists()
    assert not NewsItem.objects.exists()
