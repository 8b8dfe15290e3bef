"""The demo step "funding": eight fictional, clearly marked calls with a mix of statuses, deadline models and zones,
followed by clusters of the demo programme; kept out of the real feed and digest, and removable."""

from io import StringIO

import icalendar
import pytest
from django.core import mail as outbox
from django.core.management import call_command
from django.utils import timezone

from klusterplattform.funding.models import FundingCall, FundingDeadline, FundingInterest, FundingPartner
from klusterplattform.registry.choices import ParticipationStatus
from klusterplattform.registry.demo.programme import SLUG as PROGRAMME_SLUG
from klusterplattform.registry.grants import grant_role
from klusterplattform.registry.models import Programme
from klusterplattform.registry.reference import load_reference
from klusterplattform.registry.tests.factories import UserFactory

SMALL = {"clusters": 40, "organisations": 600}


@pytest.fixture
def demo(db, settings):
    settings.KP_ALLOW_DEMO = True
    load_reference()
    call_command("load_demo", stdout=StringIO(), **SMALL)


def test_the_demo_calls_are_fictional_and_marked_as_such(demo):
    calls = list(FundingCall.objects.all())
    assert len(calls) == 8
    for call in calls:
        assert call.is_demo and call.is_published
        assert call.identifier.startswith("DEMO-")
        assert call.source_url.startswith("https://funding.example.org/")
        assert "(demo" in call.title
        assert "Fictional" in call.description_html or "Fiktiv" in call.description_html
        assert "fictional" in call.funder.lower() or "fiktiv" in call.funder.lower()
        assert call.source == "manual" and call.last_imported_at is None
    assert FundingCall.objects.filter(identifier="DEMO-REGION-2027-01").exists()


def test_the_demo_calls_mix_statuses_deadline_models_and_zones(demo):
    now = timezone.now()
    calls = FundingCall.objects.all()
    assert {call.status_at(now) for call in calls} == {"forthcoming", "open", "closed"}
    assert set(calls.values_list("deadline_model", flat=True)) == {"single-stage", "two-stage", "multiple-cut-off"}
    assert len(set(FundingDeadline.objects.values_list("time_zone", flat=True))) >= 4
    assert FundingDeadline.objects.filter(call__identifier="DEMO-EU-I3-2027-02").count() == 3
    assert all(call.ecosystems.exists() for call in calls)
    assert FundingCall.objects.filter(tags__code="green").exists() and FundingCall.objects.filter(tags__code="digital")
    assert {call.language for call in calls} == {"sv", "en"}


def test_clusters_of_the_demo_programme_bookmark_and_one_intends_to_apply_with_partners(demo):
    programme = Programme.objects.get(slug=PROGRAMME_SLUG)
    participants = set(
        programme.participations.exclude(status=ParticipationStatus.WITHDRAWN).values_list("cluster_id", flat=True)
    )
    interests = FundingInterest.objects.all()
    assert interests.filter(bookmarked=True).count() >= 4
    assert set(interests.values_list("cluster_id", flat=True)) <= participants
    intending = interests.get(intends_to_apply=True)
    assert intending.call.identifier == "DEMO-EU-JCI-2027-01"
    partners = FundingPartner.objects.filter(interest=intending)
    assert partners.count() == 2
    assert all(p.partner_cluster is None or p.partner_cluster.is_demo for p in partners)


def test_the_demo_calls_stay_out_of_the_public_feed_and_the_real_digest(demo, client):
    calendar = icalendar.Calendar.from_ical(client.get("/en/finansiering/kalender.ics").content)
    assert calendar.walk("VEVENT") == []
    # A demo cluster's manager gets no digest, although the cluster follows calls closing soon.
    follower = FundingInterest.objects.filter(bookmarked=True).first().cluster
    manager = UserFactory()
    grant_role(manager, "cluster_manager", clusters=[follower.slug])
    call_command("send_funding_digest", stdout=StringIO())
    assert outbox.outbox == []


def test_loading_again_adds_nothing_and_removing_removes_the_funding_demo(demo):
    call_command("load_demo", stdout=StringIO(), **SMALL)
    assert FundingCall.objects.count() == 8

    call_command("load_demo", "--remove", stdout=StringIO())

    assert not FundingCall.objects.exists()
    assert not FundingDeadline.objects.exists()
    assert not FundingInterest.objects.exists()
    assert not FundingPartner.objects.exists()
