"""A participant's agenda: the page, the PDF and the .ics file."""

import io

import icalendar
import pytest
from pypdf import PdfReader

from klusterplattform.matchmaking import event_services as services
from klusterplattform.matchmaking.agenda import agenda_for

from .event_world import accepted, build_event_world, join, make_slots

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    world = build_event_world()
    world.a = join(world, world.alice, name="Alice Textiles")
    world.b = join(world, world.bob, name="Bob Fibres", offer="Chemical recycling pilot")
    world.c = join(world, world.carol, name="Carol Sorting")
    world.slots = make_slots(world, 2, minutes=20, start_hour=10)
    world.ab = accepted(world, world.a, world.b)
    world.ac = accepted(world, world.a, world.c)
    services.run_scheduler(world.officer, world.event)
    return world


def url(world, tail):
    return f"/en/matchmaking/{world.event.pk}/{tail}"


def test_the_agenda_lists_placed_meetings_in_time_order_with_the_other_side(world):
    agenda = agenda_for(world.a)

    starts = [item.meeting.slot.starts_at for item in agenda.placed]
    assert starts == sorted(starts) and len(starts) == 2
    assert {item.other.organisation_name for item in agenda.placed} == {"Bob Fibres", "Carol Sorting"}
    assert all(item.table == 1 for item in agenda.placed)
    assert agenda.unplaced == []


def test_accepted_but_unplaced_meetings_are_listed_apart(world):
    dave = join(world, world.officer, name="Dave Design")
    extra = accepted(world, dave, world.a)  # Alice has both slots taken already

    agenda = agenda_for(world.a)

    assert [item.meeting.pk for item in agenda.unplaced] == [extra.pk]
    assert len(agenda.placed) == 2


def test_the_agenda_page_shows_the_other_side_the_time_in_the_events_zone_and_the_table(client, world):
    client.force_login(world.alice)

    response = client.get(url(world, "agenda/"))

    assert response.status_code == 200
    page = response.content.decode()
    assert "Bob Fibres" in page and "Carol Sorting" in page
    slot = world.slots[0].starts_at.astimezone(world.event.zone).strftime("%H:%M")
    assert slot in page and "Europe/Stockholm" in page


def test_the_agenda_pdf_names_the_other_side(client, world):
    client.force_login(world.bob)

    response = client.get(url(world, "agenda.pdf"))

    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert "Alice Textiles" in text


def test_the_ics_has_one_event_per_placed_meeting_in_utc_with_stable_uids(client, world):
    client.force_login(world.alice)

    first = icalendar.Calendar.from_ical(client.get(url(world, "agenda.ics")).content)
    second = icalendar.Calendar.from_ical(client.get(url(world, "agenda.ics")).content)

    events = first.walk("VEVENT")
    assert len(events) == 2
    assert {str(e["uid"]) for e in events} == {str(e["uid"]) for e in second.walk("VEVENT")}
    assert {str(e["uid"]) for e in events} == {
        f"match-meeting-{world.ab.pk}@klusterplattform",
        f"match-meeting-{world.ac.pk}@klusterplattform",
    }
    starts = {e.decoded("dtstart") for e in events}
    assert starts <= {slot.starts_at for slot in world.slots}
    assert all(e.decoded("dtstart").utcoffset().total_seconds() == 0 for e in events)
    assert str(first["x-wr-timezone"]) == "Europe/Stockholm"
    summaries = " ".join(str(e["summary"]) for e in events)
    assert "Bob Fibres" in summaries and "table 1" in summaries
    assert "Europe/Stockholm" in str(events[0]["description"])


def test_the_invitee_and_the_requester_get_the_same_uid_for_their_meeting(client, world):
    client.force_login(world.bob)

    calendar = icalendar.Calendar.from_ical(client.get(url(world, "agenda.ics")).content)

    assert [str(e["uid"]) for e in calendar.walk("VEVENT")] == [f"match-meeting-{world.ab.pk}@klusterplattform"]


@pytest.mark.parametrize("tail", ["agenda/", "agenda.pdf", "agenda.ics"])
def test_someone_who_has_not_joined_has_no_agenda(client, world, tail):
    client.force_login(world.officer)  # sees the event, has not joined

    assert client.get(url(world, tail)).status_code == 403


@pytest.mark.parametrize("tail", ["agenda/", "agenda.ics"])
def test_anonymous_visitors_are_sent_to_sign_in(client, world, tail):
    assert client.get(url(world, tail)).status_code == 302


def test_a_participant_without_meetings_gets_an_empty_agenda_and_calendar(client, world):
    join(world, world.officer, name="Officer Unit")
    client.force_login(world.officer)

    assert "No meetings are scheduled for you yet." in client.get(url(world, "agenda/")).content.decode()
    calendar = icalendar.Calendar.from_ical(client.get(url(world, "agenda.ics")).content)
    assert calendar.walk("VEVENT") == []
