"""Calendar feeds: every file is parsed with icalendar and checked for its events, times and text."""

import datetime
import zoneinfo

import icalendar
import pytest
from django.urls import reverse
from django.utils import timezone, translation

from klusterplattform.activities.models import Activity, CalendarFeed, Registration
from klusterplattform.activities.tests.activities_world import build_world, make_activity
from klusterplattform.registry.models import ProgrammeParticipation
from klusterplattform.registry.tests.factories import ProgrammeFactory

pytestmark = pytest.mark.django_db

STOCKHOLM = zoneinfo.ZoneInfo("Europe/Stockholm")
NEW_YORK = zoneinfo.ZoneInfo("America/New_York")


@pytest.fixture
def world():
    return build_world("cal")


def en(name, *args):
    with translation.override("en"):
        return reverse(f"activities:{name}", args=args)


def parse(response) -> icalendar.Calendar:
    assert response.status_code == 200, response.content[:300]
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return icalendar.Calendar.from_ical(response.content)


def events(calendar) -> dict[str, icalendar.Event]:
    return {str(event["UID"]): event for event in calendar.walk("VEVENT")}


def uid(activity):
    return f"activity-{activity.pk}@klusterplattform"


def local(zone, *parts):
    return datetime.datetime(*parts, tzinfo=zone)


def test_programme_feed_lists_published_activities_for_everyone(client, world):
    shown = make_activity(world.programme, title_en="Open workshop")
    hidden = make_activity(world.programme, title_en="Draft workshop", is_published=False)
    other_programme = make_activity(ProgrammeFactory(), title_en="Elsewhere")

    found = events(parse(client.get(en("programme_feed", world.programme.slug))))

    assert set(found) == {uid(shown)}
    assert uid(hidden) not in found and uid(other_programme) not in found
    event = found[uid(shown)]
    assert str(event["SUMMARY"]) == "Open workshop"
    assert str(event["LOCATION"]) == "Stockholm"
    assert str(event["URL"]).startswith("http://testserver/")
    assert event.decoded("DTSTART") == shown.starts_at
    assert "DTSTAMP" in event and int(event["SEQUENCE"]) > 0


def test_the_documented_feed_address_is_stable(world):
    with translation.override("sv"):
        path = reverse("activities:programme_feed", args=[world.programme.slug])
    assert path == f"/aktiviteter/kalender/{world.programme.slug}.ics"


def test_unpublished_or_unknown_programme_has_no_feed(client, world):
    hidden = ProgrammeFactory(is_published=False)
    make_activity(hidden)
    assert client.get(en("programme_feed", hidden.slug)).status_code == 404
    assert client.get("/aktiviteter/kalender/no-such-programme.ics").status_code == 404


def test_times_keep_their_zone_across_daylight_saving_changes(client, world):
    # Stockholm leaves summer time on 25 October 2026 at 03:00; New York on 1 November 2026 at 02:00.
    overnight = Activity.objects.create(
        programme=world.programme,
        type="study_visit",
        title_sv="Nattresa",
        title_en="Night trip",
        starts_at=local(STOCKHOLM, 2026, 10, 24, 22, 0),
        ends_at=local(STOCKHOLM, 2026, 10, 25, 10, 0),
        time_zone="Europe/Stockholm",
    )
    new_york = Activity.objects.create(
        programme=world.programme,
        type="trade_fair",
        title_sv="Mässa i New York",
        title_en="Trade fair in New York",
        starts_at=local(NEW_YORK, 2026, 11, 2, 9, 0),
        ends_at=local(NEW_YORK, 2026, 11, 2, 17, 30),
        time_zone="America/New_York",
        place="Javits Center, New York",
    )

    response = client.get(en("programme_feed", world.programme.slug))
    calendar = parse(response)
    raw = response.content.decode()

    assert "DTSTART;TZID=Europe/Stockholm:20261024T220000" in raw
    assert "DTEND;TZID=Europe/Stockholm:20261025T100000" in raw
    assert "DTSTART;TZID=America/New_York:20261102T090000" in raw
    assert {str(zone["TZID"]) for zone in calendar.walk("VTIMEZONE")} == {"Europe/Stockholm", "America/New_York"}
    found = events(calendar)
    night = found[uid(overnight)]
    start, end = (night.decoded(name).astimezone(datetime.UTC) for name in ("DTSTART", "DTEND"))
    assert start == datetime.datetime(2026, 10, 24, 20, 0, tzinfo=datetime.UTC)
    assert end - start == datetime.timedelta(hours=13)  # twelve hours on the clock, plus the hour gained
    fair = found[uid(new_york)]
    assert fair.decoded("DTSTART").astimezone(datetime.UTC) == datetime.datetime(
        2026, 11, 2, 14, 0, tzinfo=datetime.UTC
    )
    assert str(fair["LOCATION"]) == "Javits Center, New York"


def test_commas_semicolons_and_line_breaks_are_escaped(client, world):
    title = "Workshop, part 1; AI\nand data"
    activity = make_activity(world.programme, title_en=title, description_en="Bring: laptop; charger,\nand ideas")

    response = client.get(en("activity_ics", activity.pk))
    raw = response.content.decode().replace("\r\n ", "")  # unfold long lines

    assert "SUMMARY:Workshop\\, part 1\\; AI\\nand data" in raw
    event = events(parse(response))[uid(activity)]
    assert str(event["SUMMARY"]) == title
    assert str(event["DESCRIPTION"]).startswith("Bring: laptop; charger,\nand ideas")


def test_text_follows_the_language_of_the_address(client, world):
    activity = make_activity(world.programme, title_sv="Workshop om finansiering", title_en="Workshop on funding")
    swedish = events(parse(client.get(f"/aktiviteter/kalender/{world.programme.slug}.ics")))
    english = events(parse(client.get(f"/en/aktiviteter/kalender/{world.programme.slug}.ics")))
    assert str(swedish[uid(activity)]["SUMMARY"]) == "Workshop om finansiering"
    assert str(english[uid(activity)]["SUMMARY"]) == "Workshop on funding"


def test_an_update_keeps_the_uid_and_raises_the_sequence(client, world):
    activity = make_activity(world.programme)
    before = events(parse(client.get(en("activity_ics", activity.pk))))[uid(activity)]
    Activity.objects.filter(pk=activity.pk).update(
        title_en="Moved workshop", updated_at=activity.updated_at + datetime.timedelta(minutes=5)
    )
    after = events(parse(client.get(en("activity_ics", activity.pk))))[uid(activity)]
    assert str(after["SUMMARY"]) == "Moved workshop"
    assert int(after["SEQUENCE"]) == int(before["SEQUENCE"]) + 300


def test_one_activity_download_follows_who_may_see_it(client, world):
    published = make_activity(world.programme)
    draft = make_activity(world.programme, is_published=False)

    response = client.get(en("activity_ics", published.pk))
    assert set(events(parse(response))) == {uid(published)}
    assert response["Content-Disposition"] == f'attachment; filename="aktivitet-{published.pk}.ics"'
    assert client.get(en("activity_ics", draft.pk)).status_code == 404
    client.force_login(world.outside_manager)
    assert client.get(en("activity_ics", draft.pk)).status_code == 404
    client.force_login(world.manager)  # the programme's participants see its drafts
    assert client.get(en("activity_ics", draft.pk)).status_code == 200
    client.force_login(world.officer)
    assert client.get(en("activity_ics", draft.pk)).status_code == 200
    assert client.get(en("activity_ics", 999999)).status_code == 404


def test_a_participants_own_link_works_while_registered(client, world):
    activity = make_activity(world.programme, is_published=False)
    registration = Registration.objects.create(
        activity=activity, cluster=world.own, name="Anna", email="anna@example.org", queued_at=timezone.now()
    )
    assert set(events(parse(client.get(en("registration_ics", registration.token))))) == {uid(activity)}
    Registration.objects.filter(pk=registration.pk).update(status="cancelled")
    assert client.get(en("registration_ics", registration.token)).status_code == 404


def register(activity, cluster, email, status="confirmed"):
    return Registration.objects.create(
        activity=activity, cluster=cluster, name=email, email=email, status=status, queued_at=timezone.now()
    )


def feed_url(world, cluster=None):
    feed = CalendarFeed.objects.get(programme=world.programme, cluster=cluster or world.own)
    return en("cluster_feed", feed.token)


def test_manager_page_creates_the_clusters_feed_and_lists_programme_feeds(client, world):
    ProgrammeFactory(slug="hidden-prog", is_published=False)
    client.force_login(world.manager)

    page = client.get(en("calendar_feeds"))
    again = client.get(en("calendar_feeds"))

    assert page.status_code == 200 and again.status_code == 200
    feed = CalendarFeed.objects.get()  # once, for the one cluster and programme
    assert (feed.programme, feed.cluster) == (world.programme, world.own)
    html = page.content.decode()
    assert f"/aktiviteter/kalender/kluster/{feed.token}.ics" in html
    assert f"/aktiviteter/kalender/{world.programme.slug}.ics" in html
    assert "hidden-prog" not in html


def test_officers_see_the_programme_feeds_but_no_cluster_feed(client, world):
    client.force_login(world.officer)
    page = client.get(en("calendar_feeds"))
    assert f"/aktiviteter/kalender/{world.programme.slug}.ics" in page.content.decode()
    assert not CalendarFeed.objects.exists()


def test_feed_page_needs_sign_in(client):
    assert client.get(en("calendar_feeds")).status_code == 302


def test_cluster_feed_marks_the_clusters_registrations(client, world, django_assert_max_num_queries):
    open_one = make_activity(world.programme, title_en="Open")
    registered_draft = make_activity(world.programme, title_en="Registered draft", is_published=False)
    other_draft = make_activity(world.programme, title_en="Someone else's draft", is_published=False)
    register(open_one, world.own, "a@example.org")
    register(open_one, world.own, "b@example.org")
    register(open_one, world.own, "c@example.org", status="waiting")
    register(open_one, world.own, "d@example.org", status="cancelled")
    register(open_one, world.other, "e@example.org")  # another cluster's: not counted here
    register(registered_draft, world.own, "a@example.org")
    register(other_draft, world.other, "f@example.org")
    client.force_login(world.manager)
    client.get(en("calendar_feeds"))
    client.logout()  # calendar programs do not sign in

    with django_assert_max_num_queries(6):
        response = client.get(feed_url(world))

    found = events(parse(response))
    assert set(found) == {uid(open_one), uid(registered_draft)}
    assert str(found[uid(open_one)]["DESCRIPTION"]).startswith("Registered: 2 people, 1 on the waiting list")
    assert str(found[uid(registered_draft)]["DESCRIPTION"]).startswith("Registered: 1 person")


def test_cluster_feed_query_count_does_not_grow_with_activities(client, world, django_assert_max_num_queries):
    client.force_login(world.manager)
    client.get(en("calendar_feeds"))
    for n in range(8):
        register(make_activity(world.programme, starts_in_days=n + 1), world.own, f"p{n}@example.org")
    with django_assert_max_num_queries(6):
        assert client.get(feed_url(world)).status_code == 200


def test_replacing_the_link_makes_the_old_address_404(client, world):
    client.force_login(world.manager)
    client.get(en("calendar_feeds"))
    feed = CalendarFeed.objects.get()
    old = feed_url(world)

    response = client.post(en("calendar_feed_replace", feed.pk))

    assert response.status_code == 302
    assert client.get(old).status_code == 404
    assert client.get(feed_url(world)).status_code == 200
    assert client.get(en("calendar_feed_replace", feed.pk)).status_code == 405


def test_only_the_clusters_managers_and_officers_replace_its_link(client, world):
    feed = CalendarFeed.objects.create(programme=world.programme, cluster=world.own)
    token = feed.token
    client.force_login(world.other_manager)
    assert client.post(en("calendar_feed_replace", feed.pk)).status_code == 404
    client.force_login(world.outsider)
    assert client.post(en("calendar_feed_replace", feed.pk)).status_code == 404
    client.logout()
    assert client.post(en("calendar_feed_replace", feed.pk)).status_code == 302
    feed.refresh_from_db()
    assert feed.token == token
    client.force_login(world.officer)
    assert client.post(en("calendar_feed_replace", feed.pk)).status_code == 302
    feed.refresh_from_db()
    assert feed.token != token


def test_a_cluster_that_withdrew_loses_its_feed(client, world):
    feed = CalendarFeed.objects.create(programme=world.programme, cluster=world.own)
    ProgrammeParticipation.objects.filter(programme=world.programme, cluster=world.own).update(status="withdrawn")
    world.programme.refresh_from_db()
    assert client.get(en("cluster_feed", feed.token)).status_code == 404
    assert client.get("/aktiviteter/kalender/kluster/not-a-token.ics").status_code == 404


def test_feed_page_query_count_does_not_grow_with_programmes(client, world, django_assert_max_num_queries):
    for n in range(5):
        ProgrammeFactory(clusters=[world.own], slug=f"extra-{n}")
    client.force_login(world.manager)
    client.get(en("calendar_feeds"))  # creates the feeds
    assert CalendarFeed.objects.filter(cluster=world.own).count() == 6
    with django_assert_max_num_queries(8):
        assert client.get(en("calendar_feeds")).status_code == 200


def test_programme_feed_query_count_does_not_grow_with_activities(client, world, django_assert_max_num_queries):
    for n in range(10):
        make_activity(world.programme, starts_in_days=n + 1)
    with django_assert_max_num_queries(3):
        assert client.get(en("programme_feed", world.programme.slug)).status_code == 200


def test_an_empty_programme_has_an_empty_but_valid_feed(client, world):
    calendar = parse(client.get(en("programme_feed", world.programme.slug)))
    assert events(calendar) == {} and str(calendar["X-WR-CALNAME"]) == world.programme.name_en
