"""The register's derived dates and status, and search across the two languages."""

import datetime
import zoneinfo

import pytest
from django.utils import timezone

from klusterplattform.funding import search
from klusterplattform.funding.models import FundingCall, status_q
from klusterplattform.funding.tests.funding_world import brussels_17, build_world, make_funding_call

pytestmark = pytest.mark.django_db


def statuses_in_db(now):
    return {
        s: set(FundingCall.objects.filter(status_q(s, now)).values_list("identifier", flat=True))
        for s in ("forthcoming", "open", "closed")
    }


def test_status_is_derived_from_opening_and_last_deadline_and_agrees_with_the_database():
    now = timezone.now()
    make_funding_call("OPEN", opened_days_ago=5, closes_in_days=5)
    make_funding_call("SOON", opened_days_ago=-5, closes_in_days=40)
    make_funding_call("PAST", opened_days_ago=50, closes_in_days=-1)
    make_funding_call("NO-DATES-FORTHCOMING", opened_days_ago=None, closes_in_days=None, source_status="forthcoming")
    make_funding_call("NO-OPENING-OPEN", opened_days_ago=None, closes_in_days=3, source_status="forthcoming")
    expected = {
        "OPEN": "open",
        "SOON": "forthcoming",
        "PAST": "closed",
        "NO-DATES-FORTHCOMING": "forthcoming",
        "NO-OPENING-OPEN": "forthcoming",
    }
    assert {c.identifier: c.status_at(now) for c in FundingCall.objects.all()} == expected
    in_db = statuses_in_db(now)
    assert {i: s for s, ids in in_db.items() for i in ids} == expected


def test_two_stage_call_stays_open_until_its_last_deadline_and_closes_exactly_at_it():
    z = zoneinfo.ZoneInfo("America/New_York")
    first = datetime.datetime(2030, 3, 1, 17, 0, tzinfo=zoneinfo.ZoneInfo("Europe/Brussels"))
    second = datetime.datetime(2030, 9, 1, 17, 0, tzinfo=z)
    call = make_funding_call(
        "TWO-STAGE",
        opened_days_ago=1,
        deadline_model="two-stage",
        deadlines=[
            {"at": first, "time_zone": "Europe/Brussels", "stage": 1},
            {"at": second, "time_zone": "America/New_York", "stage": 2},
        ],
    )
    assert call.closes_at == second
    assert call.next_deadline(first - datetime.timedelta(seconds=1)).stage == 1
    assert call.next_deadline(first).stage == 2
    assert call.status_at(second - datetime.timedelta(seconds=1)) == "open"
    assert call.status_at(second) == "closed"
    assert statuses_in_db(second)["closed"] == {"TWO-STAGE"}
    assert call.deadlines.get(stage=2).local_time().hour == 17


def test_search_finds_english_text_with_swedish_words_and_needs_every_word():
    build_world()
    make_funding_call("TEX", title="Circular textiles value chains", keywords="recycling, fibres")
    make_funding_call("HEALTH", title="Digital health for regions")
    found = lambda q: set(FundingCall.objects.filter(search.matching(q)).values_list("identifier", flat=True))  # noqa: E731
    assert found("cirkulär textil") == {"TEX"}
    assert found("Textiles") == {"TEX"}
    assert found("hälsa") == {"HEALTH"}
    assert found("textil hälsa") == set()
    assert found("") == {"TEX", "HEALTH"}


def test_brussels_17_is_five_in_the_afternoon_local_time_in_winter_and_summer():
    assert brussels_17(0).hour == 17


def test_a_swedish_inflection_finds_the_english_word():
    make_funding_call("I3", title="Interregional Innovation Investments")
    assert set(FundingCall.objects.filter(search.matching("interregionala")).values_list("identifier", flat=True)) == {
        "I3"
    }
