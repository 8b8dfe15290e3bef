"""End to end: an officer sets up the meeting slots of a matchmaking event; manager A joins it and requests a meeting
with B; B accepts; the officer runs the scheduler; A opens the agenda, sees B with a time and a table, and downloads
the .ics file. Every page visited is checked with axe-core."""

import datetime
import zoneinfo

import icalendar
import pytest
from django.utils import timezone

from klusterplattform.activities.models import Activity, Registration
from klusterplattform.matchmaking import event_services
from klusterplattform.matchmaking.models import EventParticipant, MeetingRequest, ScheduleRun
from klusterplattform.registry.tests.factories import ClusterFactory, ProgrammeFactory, RegionFactory
from tests.browser.people import make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

OFFICER = "olle@tillvaxtverket.example.org"
A_MANAGER, B_MANAGER = "anna@vastra-textil.example.org", "bruno@lyon-fibres.example.org"
ZONE = zoneinfo.ZoneInfo("Europe/Stockholm")


def make_event():
    cluster_a = ClusterFactory(name="Västra Textilklustret", slug="vastra-textil", regions=[RegionFactory(code="14")])
    cluster_b = ClusterFactory(
        name="Lyon Fibres", slug="lyon-fibres", country="FR", regions=[RegionFactory(code="FRK2", country="FR")]
    )
    programme = ProgrammeFactory(slug="textil-matchmaking", clusters=[cluster_a, cluster_b])
    day = timezone.localdate() + datetime.timedelta(days=10)
    event = Activity.objects.create(
        programme=programme,
        type="matchmaking",
        title_sv="Matchmaking cirkulära textilier",
        title_en="Matchmaking on circular textiles",
        starts_at=datetime.datetime.combine(day, datetime.time(9), tzinfo=ZONE),
        ends_at=datetime.datetime.combine(day, datetime.time(17), tzinfo=ZONE),
        time_zone="Europe/Stockholm",
        place="Borås",
    )
    for email, cluster in [(A_MANAGER, cluster_a), (B_MANAGER, cluster_b)]:
        Registration.objects.create(
            activity=event, cluster=cluster, name=email, email=email, status="confirmed", queued_at=timezone.now()
        )
    return event, day


def test_slots_a_request_an_acceptance_and_the_scheduler_give_both_an_agenda_with_time_and_table(
    live_server, person_tab, assert_accessible
):
    event, day = make_event()
    make_user(OFFICER, "officer")
    make_user(A_MANAGER, "cluster_manager", clusters=["vastra-textil"])
    bruno = make_user(B_MANAGER, "cluster_manager", clusters=["lyon-fibres"])
    event_services.join(bruno, event, organisation_name="Lyon Fibres", offer="Chemical recycling", seek="Textiles")
    overview = f"/en/matchmaking/{event.pk}/"

    officer = person_tab(OFFICER, f"{overview}schema/")
    officer.get_by_label("Day").fill(day.isoformat())
    officer.get_by_label("First slot starts at").fill("10:00")
    officer.get_by_label("Slot length in minutes").fill("20")
    officer.get_by_label("Number of slots").fill("6")
    officer.get_by_role("button", name="Set up the slots").click()
    officer.wait_for_url(f"**{overview}schema/")
    assert "6 slots are set up." in officer.content()
    assert_accessible(officer)

    a = person_tab(A_MANAGER, overview)
    a.get_by_role("link", name="Join the matchmaking").click()
    a.wait_for_url(f"**{overview}delta/")
    assert_accessible(a)
    a.get_by_role("textbox", name="Organisation").fill("Västra Textilklustret")
    a.get_by_label("What we offer").fill("Sorting lines for post-consumer textiles.")
    a.get_by_label("What we seek").fill("Chemical recycling partners.")
    a.get_by_role("button", name="Join").click()
    a.wait_for_url(f"**{overview}")
    assert "Chemical recycling" in a.content()
    assert_accessible(a)
    a.get_by_role("link", name="Request a meeting with Lyon Fibres").click()
    a.wait_for_url(f"**{overview}motesforfragan/*")
    assert_accessible(a)
    a.get_by_label("Message").fill("Could we talk about fibre-to-fibre recycling?")
    a.get_by_role("button", name="Send the request").click()
    a.wait_for_url(f"**{overview}")
    assert "Waiting for an answer" in a.content()
    assert_accessible(a)

    b = person_tab(B_MANAGER, overview)
    assert "fibre-to-fibre recycling" in b.content()
    b.get_by_role("button", name="Accept the meeting with Västra Textilklustret").click()
    b.wait_for_url(f"**{overview}")
    assert MeetingRequest.objects.get().status == "accepted"
    assert_accessible(b)

    officer.reload()
    officer.get_by_role("button", name="Run the scheduler").click()
    officer.wait_for_url(f"**{overview}schema/")
    assert "Placed 1 of 1 accepted meetings." in officer.content()
    assert ScheduleRun.objects.get().placed == 1
    assert_accessible(officer)
    officer.goto(f"{live_server.url}{overview}")
    assert "placed 1 of 1 accepted meetings" in officer.content()
    assert_accessible(officer)

    a.reload()
    a.get_by_role("link", name="My agenda").click()
    a.wait_for_url(f"**{overview}agenda/")
    row = a.get_by_role("row", name="Lyon Fibres")
    assert "10:00" in row.inner_text() and "\t1\t" in row.inner_text()
    assert_accessible(a)
    with a.expect_download() as download:
        a.get_by_role("link", name="Add the meetings to my calendar (.ics)").click()
    with open(download.value.path(), "rb") as handle:
        calendar = icalendar.Calendar.from_ical(handle.read())
    [meeting] = calendar.walk("VEVENT")
    assert "Lyon Fibres" in str(meeting["summary"])
    expected = datetime.datetime.combine(day, datetime.time(10), tzinfo=ZONE)
    assert meeting.decoded("dtstart") == expected
    assert EventParticipant.objects.count() == 2
