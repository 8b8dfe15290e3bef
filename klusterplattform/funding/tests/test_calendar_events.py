"""The deadline calendars parsed back with icalendar: one event per deadline, in the funder's zone, with UIDs that
stay and a SEQUENCE that grows."""

import datetime
import zoneinfo

import icalendar
import pytest
from django.urls import reverse
from django.utils import translation

from klusterplattform.funding import services
from klusterplattform.funding.models import FundingCall
from klusterplattform.funding.tests.funding_world import make_funding_call

pytestmark = pytest.mark.django_db

UTC = datetime.UTC
NEW_YORK = zoneinfo.ZoneInfo("America/New_York")
BRUSSELS = zoneinfo.ZoneInfo("Europe/Brussels")


def en(name, *args):
    with translation.override("en"):
        return reverse(f"funding:{name}", args=args)


def parse(response) -> icalendar.Calendar:
    assert response.status_code == 200, response.content[:300]
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return icalendar.Calendar.from_ical(response.content)


def events(calendar) -> dict[str, icalendar.Event]:
    return {str(event["UID"]): event for event in calendar.walk("VEVENT")}


def deadline(at, zone, stage=1, label=""):
    return {"at": at, "time_zone": zone, "stage": stage, "label": label}


def test_a_deadline_in_new_york_and_one_in_brussels_keep_their_zone_and_their_instant(client):
    # 15 March 2030: New York is already on summer time (UTC-4), Brussels not yet (UTC+1).
    ny = make_funding_call(
        "NY-2030", deadlines=[deadline(datetime.datetime(2030, 3, 15, 17, 0, tzinfo=NEW_YORK), "America/New_York")]
    )
    bx = make_funding_call(
        "BX-2030", deadlines=[deadline(datetime.datetime(2030, 3, 15, 17, 0, tzinfo=BRUSSELS), "Europe/Brussels")]
    )

    calendar = parse(client.get(en("feed_all")))
    found = events(calendar)

    ny_event = found[f"funding-{ny.pk}-1-1@klusterplattform"]
    bx_event = found[f"funding-{bx.pk}-1-1@klusterplattform"]
    assert ny_event["DTSTART"].params["TZID"] == "America/New_York"
    assert bx_event["DTSTART"].params["TZID"] == "Europe/Brussels"
    assert ny_event.decoded("DTSTART").astimezone(UTC) == datetime.datetime(2030, 3, 15, 21, 0, tzinfo=UTC)
    assert bx_event.decoded("DTSTART").astimezone(UTC) == datetime.datetime(2030, 3, 15, 16, 0, tzinfo=UTC)
    assert "T170000" in ny_event["DTSTART"].to_ical().decode()
    assert {str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")} == {"America/New_York", "Europe/Brussels"}
    assert "DTEND" not in ny_event  # the instant of the deadline, no length
    assert str(bx_event["SUMMARY"]) == "Deadline: BX-2030 Funding call BX-2030"
    assert str(bx_event["URL"]).endswith(bx.get_absolute_url())
    description = str(bx_event["DESCRIPTION"])
    assert "Status: Open" in description
    assert "2030-03-15 17:00 Europe/Brussels" in description


def test_the_uid_is_stable_across_fetches_and_the_sequence_grows_after_a_change(client):
    call = make_funding_call("SEQ-1", closes_in_days=60)
    # As if the call had been entered an hour ago.
    FundingCall.objects.filter(pk=call.pk).update(updated_at=call.updated_at - datetime.timedelta(hours=1))

    first = events(parse(client.get(en("feed_all"))))
    again = events(parse(client.get(en("feed_all"))))
    call.refresh_from_db()
    call.title = "A clearer title"
    services.save_call(call)
    changed = events(parse(client.get(en("feed_all"))))

    uid = f"funding-{call.pk}-1-1@klusterplattform"
    assert set(first) == set(again) == set(changed) == {uid}
    assert first[uid]["SEQUENCE"] == again[uid]["SEQUENCE"]
    assert changed[uid]["SEQUENCE"] > first[uid]["SEQUENCE"]
    assert "A clearer title" in str(changed[uid]["SUMMARY"])


def test_a_two_stage_call_and_a_call_with_cut_offs_have_one_event_per_deadline(client):
    two = make_funding_call(
        "TWO-STAGE",
        deadline_model="two-stage",
        deadlines=[
            deadline(datetime.datetime(2030, 2, 1, 17, 0, tzinfo=BRUSSELS), "Europe/Brussels", 1),
            deadline(datetime.datetime(2030, 9, 1, 17, 0, tzinfo=BRUSSELS), "Europe/Brussels", 2),
        ],
    )
    cut = make_funding_call(
        "CUT-OFFS",
        deadline_model="multiple-cut-off",
        deadlines=[
            deadline(datetime.datetime(2030, 1, 10, 17, 0, tzinfo=BRUSSELS), "Europe/Brussels", 1),
            deadline(datetime.datetime(2030, 4, 10, 17, 0, tzinfo=BRUSSELS), "Europe/Brussels", 2),
            deadline(datetime.datetime(2030, 7, 10, 12, 0, tzinfo=NEW_YORK), "America/New_York", 3, "final round"),
        ],
    )

    found = events(parse(client.get(en("feed_all"))))

    assert len(found) == 5
    summaries = {uid: str(event["SUMMARY"]) for uid, event in found.items()}
    assert summaries[f"funding-{two.pk}-1-1@klusterplattform"].endswith("(first stage)")
    assert summaries[f"funding-{two.pk}-2-1@klusterplattform"].endswith("(second stage)")
    assert summaries[f"funding-{cut.pk}-2-1@klusterplattform"].endswith("(cut-off 2)")
    assert summaries[f"funding-{cut.pk}-3-1@klusterplattform"].endswith("(final round)")
    final = found[f"funding-{cut.pk}-3-1@klusterplattform"]
    assert final["DTSTART"].params["TZID"] == "America/New_York"


def test_two_deadlines_of_the_same_stage_get_their_own_uids():
    from klusterplattform.funding import calendar

    call = make_funding_call(
        "SAME-STAGE",
        deadline_model="multiple-cut-off",
        deadlines=[
            deadline(datetime.datetime(2030, 5, 1, 17, 0, tzinfo=BRUSSELS), "Europe/Brussels", 1),
            deadline(datetime.datetime(2030, 1, 1, 17, 0, tzinfo=BRUSSELS), "Europe/Brussels", 1),
        ],
    )
    made = calendar.deadline_events(FundingCall.objects.prefetch_related("deadlines").get(pk=call.pk))
    assert [str(e["UID"]) for e in made] == [
        f"funding-{call.pk}-1-1@klusterplattform",
        f"funding-{call.pk}-1-2@klusterplattform",
    ]


def test_the_uid_host_comes_from_the_base_url(client, settings):
    settings.KP_BASE_URL = "https://kluster.example.org"
    call = make_funding_call("HOST-1")
    assert set(events(parse(client.get(en("feed_all"))))) == {f"funding-{call.pk}-1-1@kluster.example.org"}


def test_text_with_commas_semicolons_and_line_breaks_survives_the_round_trip(client):
    make_funding_call("ESC-1", title="Textiles; circular, digital\nand green")
    event = next(iter(events(parse(client.get(en("feed_all")))).values()))
    assert str(event["SUMMARY"]) == "Deadline: ESC-1 Textiles; circular, digital\nand green"


def test_the_swedish_feed_is_in_swedish_and_the_english_one_in_english(client):
    make_funding_call("LANG-1")
    swedish = next(iter(events(parse(client.get("/finansiering/kalender.ics"))).values()))
    english = next(iter(events(parse(client.get("/en/finansiering/kalender.ics"))).values()))
    assert str(english["SUMMARY"]).startswith("Deadline: ")
    assert "/en/" in str(english["URL"]) and "/en/" not in str(swedish["URL"])
