"""The register's CSV and XLSX export: exactly the calls and the order of the list's filters (all pages), only calls
the user may see, and cells that cannot start a formula."""

import csv
import io

import pytest
from openpyxl import load_workbook

from klusterplattform.funding.tests.funding_world import build_world, make_funding_call

pytestmark = pytest.mark.django_db

EN = {"HTTP_ACCEPT_LANGUAGE": "en"}


def csv_rows(response) -> list[dict]:
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(text[1:])))


def xlsx_rows(response) -> list[dict]:
    sheet = load_workbook(io.BytesIO(response.content), read_only=True).active
    values = [list(row) for row in sheet.iter_rows(values_only=True)]
    header = values[0]
    return [dict(zip(header, row, strict=True)) for row in values[1:]]


def page_identifiers(client, query: dict) -> list[str]:
    response = client.get("/en/finansiering/", query, **EN)
    return [call.identifier for call in response.context["page"].items]


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_export_holds_exactly_the_filtered_calls_in_the_list_order(client, file_format):
    make_funding_call("TEX-LATE", title="Circular textiles late", closes_in_days=50, budget_max=300_000)
    make_funding_call("TEX-SOON", title="Circular textiles soon", closes_in_days=5, budget_max=100_000)
    make_funding_call("TEX-CLOSED", title="Circular textiles closed", closes_in_days=-5)
    make_funding_call("TEX-DEMO", title="Circular textiles demo", is_demo=True)
    make_funding_call("HEALTH", title="Digital health")
    query = {"q": "textil", "sort": "closing"}
    response = client.get(f"/en/finansiering/export.{file_format}", query, **EN)
    assert response.status_code == 200
    assert f'.{file_format}"' in response["Content-Disposition"]
    rows = csv_rows(response) if file_format == "csv" else xlsx_rows(response)
    assert [row["Identifier"] for row in rows] == ["TEX-SOON", "TEX-LATE"] == page_identifiers(client, query)
    assert str(rows[0]["Budget per project, up to"]) == "100000"
    query = {"q": "textil", "status": "all", "include_demo": "on", "sort": "-closing"}
    response = client.get(f"/en/finansiering/export.{file_format}", query, **EN)
    rows = csv_rows(response) if file_format == "csv" else xlsx_rows(response)
    assert [row["Identifier"] for row in rows] == page_identifiers(client, query)
    assert {row["Identifier"] for row in rows} == {"TEX-LATE", "TEX-SOON", "TEX-CLOSED", "TEX-DEMO"}


def test_export_is_not_limited_to_one_page(client):
    for number in range(25):
        make_funding_call(f"MANY-{number:02d}", closes_in_days=number + 1)
    rows = csv_rows(client.get("/en/finansiering/export.csv", {"page": 2}, **EN))
    assert [row["Identifier"] for row in rows] == [f"MANY-{n:02d}" for n in range(25)]


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_export_neutralises_formulas_in_every_text_cell(client, file_format):
    make_funding_call("FORMULA", title='=HYPERLINK("https://example.org")', keywords="+cmd", funder="@SUM(A1)")
    response = client.get(f"/en/finansiering/export.{file_format}", **EN)
    row = (csv_rows(response) if file_format == "csv" else xlsx_rows(response))[0]
    assert row["Title"] == '\'=HYPERLINK("https://example.org")'
    assert row["Keywords"] == "'+cmd"
    assert row["Funder"] == "'@SUM(A1)"


def test_export_respects_who_may_see_unpublished_calls(client):
    world = build_world()
    make_funding_call("PUBLIC")
    make_funding_call("DRAFT-A", is_published=False, created_by=world.manager_a)
    for user, expected in [(None, {"PUBLIC"}), (world.manager_b, {"PUBLIC"}), (world.manager_a, {"PUBLIC", "DRAFT-A"}),
                           (world.officer, {"PUBLIC", "DRAFT-A"})]:  # fmt: skip
        client.logout()
        if user:
            client.force_login(user)
        assert {row["Identifier"] for row in csv_rows(client.get("/en/finansiering/export.csv", **EN))} == expected


def test_export_shows_deadlines_in_their_zones_and_an_unknown_format_is_404(client):
    import datetime
    import zoneinfo

    at = datetime.datetime(2030, 5, 4, 9, 30, tzinfo=zoneinfo.ZoneInfo("Asia/Tokyo"))
    make_funding_call("TOKYO", opened_days_ago=1, deadlines=[{"at": at, "time_zone": "Asia/Tokyo", "stage": 1}])
    rows = csv_rows(client.get("/en/finansiering/export.csv", **EN))
    assert rows[0]["Deadlines"] == "2030-05-04 09:30 Asia/Tokyo"
    assert rows[0]["Status"] == "Open"
    assert client.get("/en/finansiering/export.pdf", **EN).status_code == 404
