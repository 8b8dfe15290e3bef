"""The activity list's export (aktiviteter/export.<format>): the page's own filters and visibility, every row, in
both formats, formula-safe, Swedish CSV dialect, and a query count that does not grow with the rows."""

import pytest

from klusterplattform.registry.tests.factories import ProgrammeFactory
from klusterplattform.registry.tests.test_list_exports_common import column, csv_rows, xlsx_rows

from .activities_world import build_world, make_activity

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    world = build_world("ex")
    make_activity(world.programme, title_sv="Kommande workshop", title_en="Coming workshop")
    make_activity(world.programme, title_sv="Seminarium", title_en="Seminar", type="seminar")
    make_activity(world.programme, title_sv="Gammalt webbinarium", title_en="Old webinar", starts_in_days=-30)
    make_activity(world.programme, title_sv="Dold workshop", title_en="Hidden workshop", is_published=False)
    make_activity(world.programme, title_sv='=HYPERLINK("http://x")', title_en="@SUM(1)", starts_in_days=20)
    return world


def test_the_export_holds_the_filtered_rows_of_the_list(client, world):
    rows = csv_rows(client.get("/en/aktiviteter/export.csv?type=seminar", HTTP_ACCEPT_LANGUAGE="en"), ",")
    assert column(rows, "Activity") == ["Seminar"]
    rows = csv_rows(client.get("/en/aktiviteter/export.csv?when=past"), ",")
    assert column(rows, "Activity") == ["Old webinar"]


def test_the_export_is_not_paged_and_the_page_links_carry_the_filters(client, world, settings):
    page = client.get("/aktiviteter/?when=all&type=workshop").content.decode()
    assert 'href="/aktiviteter/export.csv?when=all&amp;type=workshop"' in page
    assert 'href="/aktiviteter/export.xlsx?when=all&amp;type=workshop"' in page
    rows = csv_rows(client.get("/aktiviteter/export.csv?when=all&page=2"))
    assert len(rows) == 1 + 4  # every published activity, past ones too; the page number is ignored


@pytest.mark.parametrize("persona, hidden", [("manager", True), ("officer", True), ("outside_manager", False)])
def test_an_unpublished_activity_is_exported_only_to_whoever_sees_it_on_the_page(client, world, persona, hidden):
    client.force_login(getattr(world, persona))
    titles = column(csv_rows(client.get("/aktiviteter/export.csv")), "Aktivitet")
    assert ("Dold workshop" in titles) is hidden


def test_anonymous_visitors_export_the_public_list(client, world):
    titles = column(csv_rows(client.get("/aktiviteter/export.csv")), "Aktivitet")
    assert sorted(titles) == ['\'=HYPERLINK("http://x")', "Kommande workshop", "Seminarium"]


def test_formulas_are_neutralised_in_csv_and_xlsx(client, world):
    assert "'@SUM(1)" in column(csv_rows(client.get("/en/aktiviteter/export.csv"), ","), "Activity")
    rows = xlsx_rows(client.get("/en/aktiviteter/export.xlsx"))
    assert rows[0][0] == "Activity"
    assert "'@SUM(1)" in column(rows, "Activity")  # text with a leading apostrophe, never a formula


def test_an_unknown_format_is_not_found(client, world):
    assert client.get("/aktiviteter/export.pdf").status_code == 404


def test_the_query_count_does_not_grow_with_the_activities(client, world, django_assert_num_queries):
    client.force_login(world.officer)
    client.get("/aktiviteter/export.csv")  # warm the session and the permission caches
    with django_assert_num_queries(4) as small:
        client.get("/aktiviteter/export.csv?when=all")
    for n in range(8):
        make_activity(world.programme, title_en=f"Extra {n}")
    with django_assert_num_queries(len(small.captured_queries)):
        client.get("/aktiviteter/export.csv?when=all")


# A programme's contacts ----------------------------------------------------------------------------------------------


def contact(programme, name, **fields):
    from klusterplattform.activities.models import ProgrammeContact

    return ProgrammeContact.objects.create(programme=programme, name=name, role_sv="Handläggare", **fields)


def test_the_contacts_export_holds_the_programmes_contacts_in_order_with_the_stand_in(client, world):
    import datetime

    bo = contact(world.programme, "Bo Berg", email="bo@example.org", phone="+46 8 555", position=2)
    contact(
        world.programme,
        "Anna Ek",
        position=1,
        away_until=datetime.date.today() + datetime.timedelta(days=3),
        stand_in=bo,
    )
    contact(ProgrammeFactory(), "Annan programkontakt")
    url = f"/en/program/{world.programme.slug}/kontakter/export"
    rows = csv_rows(client.get(url + ".csv"), ",")
    assert column(rows, "Name") == ["Anna Ek", "Bo Berg"]
    assert column(rows, "Stand-in") == ["Bo Berg", ""]
    assert column(rows, "Phone") == ["", "'+46 8 555"]  # a leading + would start a formula
    assert "'+46 8 555" in column(xlsx_rows(client.get(url + ".xlsx")), "Phone")


def test_the_contacts_export_of_a_hidden_programme_is_404_as_its_page(client, world, django_assert_num_queries):
    hidden = ProgrammeFactory(slug="dolt-program", is_published=False)
    contact(hidden, "Hemlig")
    client.force_login(world.outsider)
    assert client.get("/program/dolt-program/kontakter/").status_code == 404
    assert client.get("/program/dolt-program/kontakter/export.csv").status_code == 404
    client.force_login(world.officer)
    client.get("/program/dolt-program/kontakter/export.csv")
    with django_assert_num_queries(5):
        assert [row[0] for row in csv_rows(client.get("/program/dolt-program/kontakter/export.csv"))[1:]] == ["Hemlig"]
