"""A programme's focus areas as CSV or XLSX (program/<slug>/fokusomraden/export.<format>): the page's rows (the
programme's own focus areas, or the defaults it uses), for officers only, formula-safe, with a fixed query count."""

import pytest

from klusterplattform.activities.models import FocusArea, FocusAreaIndicator
from klusterplattform.registry.tests.factories import ProgrammeFactory
from klusterplattform.registry.tests.test_list_exports_common import column, count_queries, csv_rows, xlsx_rows

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    from klusterplattform.activities.tests.needs_world import World

    return World()


def url(programme, file_format="csv"):
    return f"/en/program/{programme.slug}/fokusomraden/export.{file_format}"


def test_a_programme_without_its_own_exports_the_defaults_it_uses(client, world):
    programme = ProgrammeFactory(slug="fresh")
    client.force_login(world.users["officer"])
    rows = csv_rows(client.get(url(programme)), ",")
    listed = [area.code for area in client.get(f"/en/program/{programme.slug}/fokusomraden/").context["defaults"]]
    assert column(rows, "Code") == listed == ["leadership", "value-based-models", "internationalisation", "strategy"]


def test_own_focus_areas_replace_the_defaults_with_their_indicators(client, world):
    programme = ProgrammeFactory(slug="own")
    area = FocusArea.objects.create(programme=programme, code="egen", name_sv="-Eget", name_en="-Own", position=1)
    FocusAreaIndicator.objects.create(focus_area=area, lineage="kp-2026:FIN-03")
    client.force_login(world.users["officer"])
    rows = csv_rows(client.get(url(programme)), ",")
    assert column(rows, "Focus area") == ["'-Own"]
    assert column(rows, "Indicators") == ["kp-2026:FIN-03"]
    assert "'-Own" in column(xlsx_rows(client.get(url(programme, "xlsx"))), "Focus area")


def test_only_officers_export_the_focus_areas(client, world):
    assert client.get(url(world.programme)).status_code == 302
    for key in ("manager", "regional", "outsider"):
        client.force_login(world.users[key])
        assert client.get(url(world.programme)).status_code == 403, key
    client.force_login(world.users["officer"])
    assert client.get(url(world.programme, "csv2")).status_code == 404


def test_the_query_count_does_not_grow(client, world):
    programme = ProgrammeFactory(slug="counted")
    FocusArea.objects.create(programme=programme, code="first", name_sv="Första", name_en="First")
    client.force_login(world.users["officer"])
    count_queries(client, url(programme))  # warm the session and the permission caches
    before = count_queries(client, url(programme))
    assert before <= 7
    for n in range(3):
        area = FocusArea.objects.create(programme=programme, code=f"a{n}", name_sv=f"A{n}", name_en=f"A{n}")
        FocusAreaIndicator.objects.create(focus_area=area, lineage=f"kp-2026:X-0{n}")
    count_queries(client, url(programme))
    assert count_queries(client, url(programme)) == before
    assert len(csv_rows(client.get(url(programme)), ",")) == 1 + 4
