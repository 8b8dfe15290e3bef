"""A matchmaking event's participants as CSV or XLSX (matchmaking/<pk>/deltagare/export.<format>): the overview's
list, for the event's participants and officers only, without e-mail addresses, formula-safe."""

import pytest

from klusterplattform.registry.tests.test_list_exports_common import column, csv_rows, xlsx_rows

from .event_world import build_event_world, join

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    world = build_event_world("lx")
    join(world, world.alice, name="Alfa AB")
    join(world, world.bob, name="=Beta AB")
    return world


def url(world, file_format="csv", event=None):
    return f"/en/matchmaking/{(event or world.event).pk}/deltagare/export.{file_format}"


@pytest.mark.parametrize("persona", ["alice", "bob", "officer"])
def test_participants_and_officers_export_the_overviews_list(client, world, persona):
    client.force_login(getattr(world, persona))
    rows = csv_rows(client.get(url(world)), ",")
    listed = [p.organisation_name for p in client.get(f"/en/matchmaking/{world.event.pk}/").context["participants"]]
    assert sorted(column(rows, "Organisation")) == sorted(["Alfa AB", "'=Beta AB"])
    assert [name.removeprefix("'") for name in column(rows, "Organisation")] == listed
    assert world.alice.email.lower() not in client.get(url(world)).content.decode("utf-8-sig").lower()


@pytest.mark.parametrize("persona", ["carol", "outsider", "regional"])
def test_others_who_see_the_event_are_refused(client, world, persona):
    client.force_login(getattr(world, persona))
    assert "participants" not in client.get(f"/en/matchmaking/{world.event.pk}/").context
    assert client.get(url(world)).status_code == 403


def test_anonymous_visitors_sign_in_and_another_activity_is_404(client, world):
    assert client.get(url(world)).status_code == 302
    client.force_login(world.officer)
    assert client.get(url(world, event=world.workshop)).status_code == 404
    assert client.get(url(world, "odt")).status_code == 404


def test_xlsx_neutralises_formulas_and_the_query_count_is_fixed(client, world, django_assert_num_queries):
    client.force_login(world.officer)
    assert "'=Beta AB" in column(xlsx_rows(client.get(url(world, "xlsx"))), "Organisation")
    with django_assert_num_queries(7) as before:
        client.get(url(world))
    join(world, world.carol, name="Gamma AB")
    with django_assert_num_queries(len(before.captured_queries)):
        assert len(csv_rows(client.get(url(world)), ",")) == 1 + 3
