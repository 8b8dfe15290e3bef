"""The activity list and page, and creating, changing and deleting activities: permissions per persona, times in
the activity's own time zone, validation, pinned query counts."""

import datetime
import zoneinfo

import pytest
from django.utils import timezone

from klusterplattform.activities import registrations
from klusterplattform.activities.models import Activity, FocusArea

from .activities_world import build_world, make_activity

pytestmark = pytest.mark.django_db
EN = {"HTTP_ACCEPT_LANGUAGE": "en"}


@pytest.fixture
def world():
    return build_world()


def form_data(world, **overrides):
    data = {
        "programme": world.programme.pk,
        "type": "workshop",
        "title_sv": "Studiebesök i Hannover",
        "title_en": "Study visit to Hannover",
        "time_zone": "Europe/Berlin",
        "starts_at": "2030-05-14T09:00",
        "ends_at": "2030-05-14T16:30",
        "registration_deadline": "2030-05-01T12:00",
        "place": "Hannover Messe",
        "capacity": "20",
        "is_published": "on",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


# The list ---------------------------------------------------------------------------------------------------------


def test_the_list_shows_published_upcoming_activities_to_everyone(client, world):
    make_activity(world.programme, title_en="Coming workshop")
    make_activity(world.programme, title_en="Past workshop", starts_in_days=-30)
    make_activity(world.programme, title_en="Hidden workshop", is_published=False)
    page = client.get("/en/aktiviteter/").content.decode()
    assert "Coming workshop" in page
    assert "Past workshop" not in page
    assert "Hidden workshop" not in page


def test_unpublished_activities_are_listed_for_the_programmes_clusters_and_officers(client, world):
    make_activity(world.programme, title_en="Hidden workshop", is_published=False)
    for user, sees in [(world.manager, True), (world.outside_manager, False), (world.officer, True)]:
        client.force_login(user)
        assert ("Hidden workshop" in client.get("/en/aktiviteter/").content.decode()) is sees


def test_the_list_filters_by_type_focus_area_and_time(client, world):
    area = FocusArea.objects.for_programme(world.programme).first()
    tagged = make_activity(world.programme, title_en="Tagged seminar", type="seminar")
    tagged.focus_areas.add(area)
    make_activity(world.programme, title_en="Plain workshop")
    make_activity(world.programme, title_en="Old webinar", type="webinar", starts_in_days=-30)
    assert "Plain workshop" not in client.get("/en/aktiviteter/?type=seminar").content.decode()
    page = client.get(f"/en/aktiviteter/?focus_area={area.code}").content.decode()
    assert "Tagged seminar" in page and "Plain workshop" not in page
    page = client.get("/en/aktiviteter/?when=past").content.decode()
    assert "Old webinar" in page and "Plain workshop" not in page
    assert "Old webinar" in client.get("/en/aktiviteter/?when=all").content.decode()


def test_the_list_has_an_empty_state(client, world):
    response = client.get("/en/aktiviteter/?type=trade_fair", **EN)
    assert "No activity matches these filters." in response.content.decode()


def test_an_activity_in_new_york_is_shown_in_new_york_time_with_the_zone_named(client, world):
    zone = zoneinfo.ZoneInfo("America/New_York")
    starts = datetime.datetime(2031, 1, 15, 9, 0, tzinfo=zone)
    Activity.objects.create(
        programme=world.programme,
        type="trade_fair",
        title_sv="Mässa i New York",
        title_en="Fair in New York",
        starts_at=starts,
        ends_at=starts + datetime.timedelta(hours=8),
        time_zone="America/New_York",
        place="New York",
    )
    for url in ("/en/aktiviteter/", f"/en/aktiviteter/{Activity.objects.get().pk}/"):
        page = client.get(url).content.decode()
        assert "2031-01-15 09:00" in page  # 15:00 in Stockholm, which is not shown
        assert "America/New_York" in page
        assert "15:00" not in page


def test_the_list_query_count_does_not_grow_with_activities(client, world, django_assert_max_num_queries):
    for number in range(30):
        activity = make_activity(world.programme, title_en=f"Activity {number}", capacity=5)
        activity.focus_areas.set(FocusArea.objects.for_programme(world.programme)[:2])
    client.force_login(world.manager)
    with django_assert_max_num_queries(
        8
    ):  # 7 measured: session, user, grants, programmes and focus areas of the filters, count, page
        response = client.get("/en/aktiviteter/")
    assert response.status_code == 200
    assert "Activity 19" in response.content.decode()  # the first page of 20


# The activity page -------------------------------------------------------------------------------------------------


def test_an_unpublished_activity_does_not_exist_outside_its_programme(client, world):
    activity = make_activity(world.programme, is_published=False)
    url = f"/en/aktiviteter/{activity.pk}/"
    assert client.get(url).status_code == 404
    client.force_login(world.outside_manager)
    assert client.get(url).status_code == 404
    client.force_login(world.manager)
    assert client.get(url).status_code == 200


def test_a_manager_sees_the_registration_form_and_their_own_clusters_registrations_only(client, world):
    activity = make_activity(world.programme, capacity=1)
    registrations.register(activity, world.own, [("Ann Own", "ann@example.org")], by=world.manager)
    registrations.register(activity, world.other, [("Bo Other", "bo@example.org")], by=world.other_manager)
    client.force_login(world.manager)
    page = client.get(f"/en/aktiviteter/{activity.pk}/").content.decode()
    assert "Ann Own" in page and "Bo Other" not in page
    assert 'name="email_1"' in page
    assert "0 of 1 seats left." in page and "1 on the waiting list." in page
    client.force_login(world.other_manager)
    page = client.get(f"/en/aktiviteter/{activity.pk}/").content.decode()
    assert "number 1 in the queue" in page


def test_the_outsider_sees_facts_but_no_form_and_no_registrations(client, world):
    activity = make_activity(world.programme)
    registrations.register(activity, world.own, [("Ann Own", "ann@example.org")], by=world.manager)
    for user in (None, world.outsider, world.outside_manager):
        client.logout()
        if user:
            client.force_login(user)
        page = client.get(f"/en/aktiviteter/{activity.pk}/").content.decode()
        assert "Workshop on funding" in page
        assert "Ann Own" not in page
        assert 'name="email_1"' not in page


def test_an_officer_sees_every_registration_attendance_and_the_feedback_section(client, world):
    activity = make_activity(world.programme)
    registrations.register(activity, world.own, [("Ann Own", "ann@example.org")], by=world.manager)
    registrations.register(activity, world.other, [("Bo Other", "bo@example.org")], by=world.other_manager)
    now = timezone.now()
    Activity.objects.filter(pk=activity.pk).update(
        starts_at=now - datetime.timedelta(hours=1), ends_at=now + datetime.timedelta(hours=1)
    )
    registrations.set_attendance(activity, set(activity.registrations.values_list("pk", flat=True)), by=world.officer)
    client.force_login(world.officer)
    page = client.get(f"/en/aktiviteter/{activity.pk}/").content.decode()
    assert "Ann Own" in page and "Bo Other" in page
    assert "2 people from 2 cluster organisations attended." in page
    assert 'id="feedback-results-title"' in page
    client.force_login(world.manager)
    assert 'id="feedback-results-title"' not in client.get(f"/en/aktiviteter/{activity.pk}/").content.decode()


def test_the_activity_page_links_its_calendar_file_when_the_calendar_routes_exist(client, world):
    activity = make_activity(world.programme)
    page = client.get(f"/en/aktiviteter/{activity.pk}/").content.decode()
    assert f"/en/aktiviteter/{activity.pk}/kalender.ics" in page


def test_the_activity_page_query_count_does_not_grow_with_registrations(client, world, django_assert_max_num_queries):
    activity = make_activity(world.programme, capacity=10)
    people = [(f"Person {n}", f"p{n}@example.org") for n in range(15)]
    registrations.register(activity, world.own, people, by=world.manager)
    client.force_login(world.officer)
    with django_assert_max_num_queries(17):  # 15 measured; 2 spare for the feedback results (another module)
        response = client.get(f"/en/aktiviteter/{activity.pk}/")
    assert "Person 14" in response.content.decode()
    client.force_login(world.manager)
    with django_assert_max_num_queries(17):  # 15 measured; 2 spare for the feedback results (another module)
        assert client.get(f"/en/aktiviteter/{activity.pk}/").status_code == 200


# Creating, changing, deleting --------------------------------------------------------------------------------------


@pytest.mark.parametrize(("who", "status"), [("manager", 403), ("outsider", 403), ("officer", 200)])
def test_only_officers_may_create_activities(client, world, who, status):
    client.force_login(getattr(world, who))
    assert client.get("/aktiviteter/ny/").status_code == status


def test_anonymous_is_sent_to_sign_in(client, world):
    activity = make_activity(world.programme)
    for url in ("/aktiviteter/ny/", f"/aktiviteter/{activity.pk}/redigera/", f"/aktiviteter/{activity.pk}/ta-bort/"):
        assert client.get(url).status_code == 302


def test_times_are_entered_in_the_chosen_zone_and_stored_in_utc(client, world):
    client.force_login(world.officer)
    response = client.post("/en/aktiviteter/ny/", form_data(world))
    assert response.status_code == 302, response.content.decode()
    activity = Activity.objects.get()
    assert activity.starts_at == datetime.datetime(2030, 5, 14, 7, 0, tzinfo=datetime.UTC)  # CEST is UTC+2
    assert activity.registration_deadline == datetime.datetime(2030, 5, 1, 10, 0, tzinfo=datetime.UTC)
    assert activity.created_by == world.officer
    edit = client.get(f"/en/aktiviteter/{activity.pk}/redigera/").content.decode()
    assert 'value="2030-05-14T09:00"' in edit  # shown again as it was typed, in Berlin time


@pytest.mark.parametrize(
    ("overrides", "field_message"),
    [
        ({"ends_at": "2030-05-14T08:00"}, "The end must be after the start."),
        ({"registration_deadline": "2030-05-15T08:00"}, "The registration deadline must be before the end."),
        ({"time_zone": "Mars/Olympus"}, "Select a valid choice."),
        ({"place": "", "online_url": ""}, "Enter a place, an online link, or both."),
        ({"starts_at": "2030-03-31T02:30", "ends_at": "2030-03-31T05:00"}, "does not exist in Europe/Berlin"),
        ({"starts_at": "yesterday"}, "Enter a valid date/time."),
    ],
)
def test_bad_activity_input_gets_a_clear_error_and_saves_nothing(client, world, overrides, field_message):
    client.force_login(world.officer)
    response = client.post("/en/aktiviteter/ny/", form_data(world, **overrides))
    assert response.status_code == 200
    assert field_message in response.content.decode()
    assert not Activity.objects.exists()


def test_a_focus_area_of_another_programme_is_refused(client, world):
    from klusterplattform.registry.tests.factories import ProgrammeFactory

    foreign = FocusArea.objects.create(
        programme=ProgrammeFactory(), code="foreign", name_sv="Främmande", name_en="Foreign"
    )
    client.force_login(world.officer)
    response = client.post("/en/aktiviteter/ny/", form_data(world, focus_areas=[foreign.pk]))
    assert "Not a focus area of this programme: Foreign." in response.content.decode()
    assert not Activity.objects.exists()


def test_lowering_the_capacity_below_the_confirmed_seats_is_refused_on_the_page(client, world):
    activity = make_activity(world.programme, capacity=5)
    registrations.register(activity, world.own, [("A", "a@example.org"), ("B", "b@example.org")], by=world.manager)
    client.force_login(world.officer)
    local = activity.local_start.strftime("%Y-%m-%dT%H:%M")
    end = activity.local_end.strftime("%Y-%m-%dT%H:%M")
    data = form_data(world, time_zone="Europe/Stockholm", starts_at=local, ends_at=end, registration_deadline="")
    response = client.post(f"/en/aktiviteter/{activity.pk}/redigera/", {**data, "capacity": "1"})
    assert "2 people already hold a confirmed seat" in response.content.decode()
    activity.refresh_from_db()
    assert activity.capacity == 5
    response = client.post(f"/en/aktiviteter/{activity.pk}/redigera/", {**data, "capacity": "2"})
    assert response.status_code == 302
    activity.refresh_from_db()
    assert activity.capacity == 2
    assert activity.title_en == "Study visit to Hannover"


def test_a_manager_may_not_edit_an_activity(client, world):
    activity = make_activity(world.programme)
    client.force_login(world.manager)
    assert client.get(f"/aktiviteter/{activity.pk}/redigera/").status_code == 403
    assert client.post(f"/aktiviteter/{activity.pk}/ta-bort/").status_code == 403
    assert Activity.objects.filter(pk=activity.pk).exists()


def test_an_activity_is_deleted_only_without_registrations(client, world):
    activity = make_activity(world.programme)
    registrations.register(activity, world.own, [("A", "a@example.org")], by=world.manager)
    client.force_login(world.officer)
    response = client.post(f"/en/aktiviteter/{activity.pk}/ta-bort/")
    assert "cannot be deleted" in response.content.decode()
    assert Activity.objects.filter(pk=activity.pk).exists()
    empty = make_activity(world.programme)
    assert "Delete the activity" in client.get(f"/en/aktiviteter/{empty.pk}/ta-bort/").content.decode()
    assert client.post(f"/en/aktiviteter/{empty.pk}/ta-bort/").status_code == 302
    assert not Activity.objects.filter(pk=empty.pk).exists()
