"""The event pages per persona: the overview, joining, requests and their answers, and the officers' schedule page."""

import pytest

from klusterplattform.matchmaking import event_services as services
from klusterplattform.matchmaking.models import EventParticipant, MeetingRequest, MeetingSlot, ScheduleRun
from klusterplattform.matchmaking.tests.world import as_user

from .event_world import accepted, build_event_world, join, make_slots

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    world = build_event_world()
    world.a = join(world, world.alice, name="Alice Textiles", offer="Secret sauce of Alice")
    world.b = join(world, world.bob, name="Bob Fibres")
    return world


def path(world, tail="", event=None):
    return f"/en/matchmaking/{(event or world.event).pk}/{tail}"


def test_anonymous_visitors_are_sent_to_sign_in(client, world):
    response = as_user(client, None).get(path(world))

    assert response.status_code == 302 and "/konto/logga-in/" in response["Location"]


def test_an_outsider_sees_the_event_but_not_the_participants(client, world):
    response = as_user(client, world.outsider).get(path(world))

    assert response.status_code == 200
    page = response.content.decode()
    assert "Secret sauce of Alice" not in page and "Bob Fibres" not in page
    assert path(world, "delta/") not in page


def test_a_registered_person_who_has_not_joined_is_offered_to_join_but_sees_no_participants(client, world):
    page = as_user(client, world.carol).get(path(world)).content.decode()

    assert f"/matchmaking/{world.event.pk}/delta/" in page
    assert "Secret sauce of Alice" not in page


def test_a_participant_sees_the_participants_with_offer_and_their_requests(client, world):
    meeting = services.request_meeting(world.bob, world.event, world.a, "Coffee?")

    page = as_user(client, world.alice).get(path(world)).content.decode()

    assert "Secret sauce of Alice" in page and "Bob Fibres" in page
    assert f"/moten/{meeting.pk}/svar/" in page and "csrfmiddlewaretoken" in page
    assert "Accept the meeting with Bob Fibres" in page


def test_the_officer_sees_slots_the_run_result_and_the_outcome_summary(client, world):
    carol = join(world, world.carol, name="Carol Sorting")
    make_slots(world, 1)
    accepted(world, world.a, world.b)
    accepted(world, carol, world.a)
    services.run_scheduler(world.officer, world.event)

    page = as_user(client, world.officer).get(path(world)).content.decode()

    assert "placed 1 of 2 accepted meetings" in page
    assert 'id="outcome-summary"' in page and "Letter of intent" in page
    assert "Meeting slots" in page


@pytest.mark.parametrize("persona", ["alice", "officer", "outsider"])
def test_an_activity_of_another_type_has_no_matchmaking_pages(client, world, persona):
    user = getattr(world, persona)

    assert as_user(client, user).get(path(world, event=world.workshop)).status_code == 404
    assert as_user(client, user).get(path(world, "agenda/", event=world.workshop)).status_code == 404


def test_an_unpublished_event_is_a_404_for_those_who_do_not_see_it(client, world):
    world.event.is_published = False
    world.event.save()

    assert as_user(client, world.outsider).get(path(world)).status_code == 404
    assert as_user(client, world.officer).get(path(world)).status_code == 200


def test_joining_through_the_page(client, world):
    as_user(client, world.carol)

    assert client.get(path(world, "delta/")).status_code == 200
    response = client.post(path(world, "delta/"), {"organisation_name": "Carol Sorting", "offer": "NIR", "seek": ""})

    assert response.status_code == 302
    assert EventParticipant.objects.get(user=world.carol).organisation_name == "Carol Sorting"


def test_the_join_page_refuses_people_without_a_registration(client, world):
    as_user(client, world.outsider)

    assert client.get(path(world, "delta/")).status_code == 403
    assert client.post(path(world, "delta/"), {"organisation_name": "X"}).status_code == 403
    assert not EventParticipant.objects.filter(user=world.outsider).exists()


def test_the_join_page_with_an_empty_name_shows_the_error_and_writes_nothing(client, world):
    response = as_user(client, world.carol).post(path(world, "delta/"), {"organisation_name": ""})

    assert response.status_code == 200 and "error-summary" in response.content.decode()
    assert not EventParticipant.objects.filter(user=world.carol).exists()


def test_requesting_a_meeting_through_the_page(client, world):
    as_user(client, world.alice)

    assert client.get(path(world, f"motesforfragan/?med={world.b.pk}")).status_code == 200
    response = client.post(path(world, "motesforfragan/"), {"invitee": world.b.pk, "message": "Hello"})

    assert response.status_code == 302
    assert MeetingRequest.objects.get().invitee == world.b


def test_the_request_form_does_not_offer_oneself_or_someone_already_asked(client, world):
    services.request_meeting(world.bob, world.event, world.a)

    response = as_user(client, world.alice).post(path(world, "motesforfragan/"), {"invitee": world.b.pk})

    assert response.status_code == 200 and "error-summary" in response.content.decode()
    assert as_user(client, world.alice).post(path(world, "motesforfragan/"), {"invitee": world.a.pk}).status_code == 200
    assert MeetingRequest.objects.count() == 1


def test_the_request_page_is_for_participants(client, world):
    assert as_user(client, world.outsider).get(path(world, "motesforfragan/")).status_code == 403
    assert as_user(client, world.officer).get(path(world, "motesforfragan/")).status_code == 403


def test_answering_through_the_page(client, world):
    meeting = services.request_meeting(world.alice, world.event, world.b)
    decide = path(world, f"moten/{meeting.pk}/svar/")

    assert as_user(client, world.alice).post(decide, {"decision": "accept"}).status_code == 403
    assert as_user(client, world.carol).post(decide, {"decision": "accept"}).status_code == 404
    assert as_user(client, world.bob).get(decide).status_code == 405
    assert as_user(client, world.bob).post(decide, {"decision": "maybe"}).status_code == 302
    meeting.refresh_from_db()
    assert meeting.status == "pending"
    assert as_user(client, world.bob).post(decide, {"decision": "accept"}).status_code == 302
    meeting.refresh_from_db()
    assert meeting.status == "accepted"


def test_withdrawing_through_the_page(client, world):
    meeting = services.request_meeting(world.alice, world.event, world.b)
    withdraw = path(world, f"moten/{meeting.pk}/ta-tillbaka/")

    assert as_user(client, world.bob).post(withdraw).status_code == 403
    assert as_user(client, world.alice).post(withdraw).status_code == 302
    meeting.refresh_from_db()
    assert meeting.status == "withdrawn"


def test_a_meeting_under_another_events_address_is_a_404(client, world):
    meeting = services.request_meeting(world.alice, world.event, world.b)
    from .event_world import make_event

    other = make_event(world.programme)

    response = as_user(client, world.bob).post(
        path(world, f"moten/{meeting.pk}/svar/", event=other), {"decision": "accept"}
    )
    assert response.status_code == 404


def test_the_schedule_page_is_for_officers(client, world):
    assert as_user(client, world.alice).get(path(world, "schema/")).status_code == 403
    assert as_user(client, world.regional).get(path(world, "schema/")).status_code == 403
    assert as_user(client, world.alice).post(path(world, "schema/kor/")).status_code == 403
    assert as_user(client, world.officer).get(path(world, "schema/")).status_code == 200


def test_the_officer_sets_up_slots_and_runs_the_scheduler_through_the_page(client, world):
    accepted(world, world.a, world.b)
    as_user(client, world.officer)
    day = world.event.local_start.date().isoformat()
    form = {"day": day, "first_start": "10:00", "minutes": 20, "count": 6, "break_after": 3, "break_minutes": 30}

    assert client.post(path(world, "schema/"), {**form, "replace": "on"}).status_code == 302
    response = client.post(path(world, "schema/kor/"), follow=True)

    assert MeetingSlot.objects.count() == 6
    assert ScheduleRun.objects.get().placed == 1
    assert "Placed 1 of 1 accepted meetings." in response.content.decode()


def test_slots_outside_the_event_are_shown_as_an_error_and_nothing_is_written(client, world):
    day = world.event.local_start.date().isoformat()
    form = {"day": day, "first_start": "16:30", "minutes": 20, "count": 6}

    response = as_user(client, world.officer).post(path(world, "schema/"), form)

    assert response.status_code == 200 and "within the event" in response.content.decode()
    assert not MeetingSlot.objects.exists()


def test_a_break_without_a_length_is_a_form_error(client, world):
    day = world.event.local_start.date().isoformat()
    form = {"day": day, "first_start": "10:00", "minutes": 20, "count": 6, "break_after": 2}

    response = as_user(client, world.officer).post(path(world, "schema/"), form)

    assert response.status_code == 200 and not MeetingSlot.objects.exists()


def test_running_without_slots_tells_the_officer(client, world):
    response = as_user(client, world.officer).post(path(world, "schema/kor/"), follow=True)

    assert "Set up the event" in response.content.decode() and not ScheduleRun.objects.exists()


def _queries(client, url) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.mark.parametrize("persona", ["alice", "officer"])
def test_the_overview_and_agenda_do_not_query_more_with_more_participants_and_meetings(client, world, persona):
    from klusterplattform.registry.tests.factories import UserFactory

    from .event_world import register

    make_slots(world, 4)
    as_user(client, getattr(world, persona))
    if persona == "officer":
        join(world, world.officer, name="Officer AB")  # the agenda is for participants
    urls = [path(world), path(world, "agenda/")]
    before = [_queries(client, url) for url in urls]
    for i in range(4):
        user = UserFactory(email=f"more{i}@example.org")
        register(world.event, user, world.cluster_b)
        extra = join(world, user, name=f"More {i}")
        accepted(world, world.a, extra)
        services.request_meeting(user, world.event, world.b)
    services.run_scheduler(world.officer, world.event)

    assert [_queries(client, url) for url in urls] == before
