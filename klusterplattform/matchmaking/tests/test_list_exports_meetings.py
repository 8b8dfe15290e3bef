"""A matchmaking event's meeting requests as CSV or XLSX (matchmaking/<pk>/schema/export.<format>): the schedule
page's list for officers, every request with its slot on the event's clock, never the messages; 403 for others who
see the event, 404 for another kind of activity or an unknown format; formula-safe; a fixed number of queries."""

import pytest

from klusterplattform.matchmaking import event_services as services
from klusterplattform.registry.tests.factories import UserFactory
from klusterplattform.registry.tests.test_list_exports_common import column, count_queries, csv_rows, xlsx_rows

from .event_world import accepted, build_event_world, join, make_slots, register

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    world = build_event_world("mx")
    world.a = join(world, world.alice, name="Alfa AB")
    world.b = join(world, world.bob, name="=Beta AB")
    world.c = join(world, world.carol, name="Gamma AB")
    accepted(world, world.a, world.b)
    services.request_meeting(world.carol, world.event, world.a, "A secret message")  # pending, not placed
    make_slots(world, count=2, start_hour=10)
    services.run_scheduler(world.officer, world.event)
    return world


def url(world, file_format="csv", event=None):
    return f"/en/matchmaking/{(event or world.event).pk}/schema/export.{file_format}"


def test_officers_export_the_schedule_pages_list(client, world):
    client.force_login(world.officer)
    rows = csv_rows(client.get(url(world)), ",")
    page = client.get(f"/en/matchmaking/{world.event.pk}/schema/").context["meetings"]
    assert column(rows, "Requested by") == [m.requester.organisation_name for m in page] == ["Alfa AB", "Gamma AB"]
    assert column(rows, "Invited") == ["'=Beta AB", "Alfa AB"]
    assert column(rows, "Status") == ["Accepted", "Waiting for an answer"]
    assert column(rows, "Starts")[0].endswith("10:00:00") and column(rows, "Starts")[1] == ""  # the event's clock
    assert column(rows, "Table") == ["1", ""]
    assert column(rows, "Outcome") == ["Not recorded", ""]
    assert "A secret message" not in client.get(url(world)).content.decode("utf-8-sig")


@pytest.mark.parametrize("persona", ["alice", "bob", "carol", "outsider", "regional"])
def test_others_who_see_the_event_are_refused_like_the_page(client, world, persona):
    client.force_login(getattr(world, persona))
    assert client.get(f"/en/matchmaking/{world.event.pk}/schema/").status_code == 403
    assert client.get(url(world)).status_code == 403


def test_anonymous_another_activity_and_unknown_formats(client, world):
    assert client.get(url(world)).status_code == 302
    client.force_login(world.officer)
    assert client.get(url(world, event=world.workshop)).status_code == 404
    assert client.get(url(world, "ods")).status_code == 404


def test_xlsx_is_formula_safe_and_the_page_links_to_the_export(client, world):
    client.force_login(world.officer)
    assert "'=Beta AB" in column(xlsx_rows(client.get(url(world, "xlsx"))), "Invited")
    html = client.get(f"/matchmaking/{world.event.pk}/schema/").content.decode()
    assert f'href="/matchmaking/{world.event.pk}/schema/export.csv"' in html


def test_the_query_count_does_not_grow_with_the_meetings(client, world):
    client.force_login(world.officer)
    count_queries(client, url(world))
    few = count_queries(client, url(world))
    for i in range(4):
        user = UserFactory(email=f"more{i}@example.org")
        register(world.event, user, world.cluster_b)
        accepted(world, join(world, user, name=f"More {i} AB"), world.c)
    assert count_queries(client, url(world)) == few
    assert len(csv_rows(client.get(url(world)), ",")) == 1 + 2 + 4
