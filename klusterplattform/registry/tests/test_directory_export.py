"""The directory export: the page's filters and visibility, both formats, and user text made safe."""

import csv
import io

import pytest
from openpyxl import load_workbook

from .factories import ClusterFactory, RegionFactory, RoleGrantFactory


@pytest.fixture
def clusters(db):
    north = RegionFactory(code="25", name_sv="Norrbottens län")
    return {
        "open": ClusterFactory(name="Öppet kluster", slug="oppet", regions=[north], description="=cmd|' /C calc'!A0"),
        "other": ClusterFactory(name="Annat kluster", slug="annat"),
        "hidden": ClusterFactory(name="Dolt kluster", slug="dolt", is_published=False),
    }


def _csv_rows(response):
    """Swedish files separate columns with ';' (what Swedish Excel expects), English ones with ','."""
    delimiter = "," if response.wsgi_request.path.startswith("/en/") else ";"
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=delimiter))


def test_the_public_export_holds_the_published_clusters_with_formulas_neutralised(client, clusters):
    response = client.get("/en/kluster/export.csv")
    assert response.status_code == 200 and response["Content-Disposition"].startswith("attachment;")
    rows = _csv_rows(response)
    assert [row[0] for row in rows[1:]] == ["Annat kluster", "Öppet kluster"]
    description = rows[2][rows[0].index("Description")]
    assert description == "'=cmd|' /C calc'!A0"
    assert rows[2][-1] == "http://testserver/en/kluster/oppet/"


def test_the_export_follows_the_directory_filters(client, clusters):
    rows = _csv_rows(client.get("/kluster/export.csv?region=25"))
    assert [row[0] for row in rows[1:]] == ["Öppet kluster"]


def test_an_unpublished_cluster_is_exported_only_to_those_who_may_see_it(client, clusters):
    client.force_login(RoleGrantFactory(role="cluster_manager", cluster=clusters["hidden"]).user)
    assert "Dolt kluster" in [row[0] for row in _csv_rows(client.get("/kluster/export.csv"))]
    client.force_login(RoleGrantFactory(role="cluster_manager", cluster=clusters["other"]).user)
    assert "Dolt kluster" not in [row[0] for row in _csv_rows(client.get("/kluster/export.csv"))]


def test_the_xlsx_export_has_the_same_rows_in_english_headers_under_en(client, clusters):
    response = client.get("/en/kluster/export.xlsx")
    sheet = load_workbook(io.BytesIO(response.content)).active
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert values[0][0] == "Name" and [row[0] for row in values[1:]] == ["Annat kluster", "Öppet kluster"]


def test_an_unknown_format_is_not_found(client, clusters):
    assert client.get("/kluster/export.pdf").status_code == 404


def test_the_export_query_count_does_not_grow_with_the_clusters(client, clusters, django_assert_max_num_queries):
    for n in range(30):
        ClusterFactory(name=f"Extra {n}", regions=[RegionFactory(code="25")])
    with django_assert_max_num_queries(6):
        client.get("/kluster/export.csv")
