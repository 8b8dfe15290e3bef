"""The regional report: the region's own figures first, then the dashboard's sections limited to the region; a
regional officer gets only their own regions' reports."""

import pytest

from .reading_reports import cells, pdf_text, workbook
from .world_reports import AS_OF, FORMULA_NAME, add_clusters, build_world

pytestmark = pytest.mark.django_db
QUERY = f"?programme=rapportprogram&as_of={AS_OF:%Y-%m-%d}"


@pytest.fixture
def world():
    return build_world()


def _get(client, user, path):
    client.force_login(user)
    return client.get(path + QUERY)


def test_north_report_has_only_the_north_clusters(client, world):
    response = _get(client, world.users["regional_north"], "/uppfoljning/region/25/rapport.xlsx")
    assert response.status_code == 200
    assert "regional-report-rapportprogram-25-2025-06-30-sv.xlsx" in response["Content-Disposition"]
    sheets = workbook(response.content)
    everything = cells(sheets)
    assert "Alfakluster" in everything
    assert not any("HYPERLINK" in str(value) for value in everything)  # formel is in the south
    assert "Senkluster" not in everything  # selected after the as-of day
    assert "Demokluster" not in everything  # demo data never mixes with a real programme

    english = workbook(_get(client, world.users["regional_north"], "/en/uppfoljning/region/25/rapport.xlsx").content)
    totals = dict(english["Population"][1:])
    assert (totals["Clusters"], totals["Participating organisations"], totals["Dedicated members"]) == (1, 2, 1)
    in_region = english["Clusters in the region"]
    assert [row[0] for row in in_region[1:]] == ["Alfakluster"]


def test_south_report_names_the_formula_cluster_as_text(client, world):
    response = _get(client, world.users["officer"], "/uppfoljning/region/12/rapport.xlsx")
    everything = cells(workbook(response.content))
    assert "'" + FORMULA_NAME in everything
    assert FORMULA_NAME not in everything
    assert "Alfakluster" not in everything


def test_regional_pdf_shows_the_region_and_its_cluster(client, world):
    response = _get(client, world.users["regional_north"], "/en/uppfoljning/region/25/rapport.pdf")
    assert response.status_code == 200
    text = pdf_text(response.content)
    assert "Regional report: Norrbotten County" in text
    assert "Alfakluster" in text
    assert "HYPERLINK" not in text
    assert "Data sources" in text


@pytest.mark.parametrize(
    ("persona", "code", "status"),
    [
        ("officer", "25", 200),
        ("officer", "12", 200),
        ("regional_north", "25", 200),
        ("regional_north", "12", 404),
        ("regional_south", "25", 404),
        ("manager_alfa", "25", 404),
        ("outsider", "25", 404),
        ("officer", "99", 404),
    ],
)
def test_who_may_download_a_regional_report(client, world, persona, code, status):
    assert _get(client, world.users[persona], f"/uppfoljning/region/{code}/rapport.xlsx").status_code == status


def test_anonymous_is_sent_to_sign_in(client, world):
    assert client.get("/uppfoljning/region/25/rapport.pdf").status_code == 302


def test_unknown_format_is_404(client, world):
    assert _get(client, world.users["officer"], "/uppfoljning/region/25/rapport.csv").status_code == 404


def test_regional_report_query_count_does_not_grow_with_the_region(client, world, django_assert_num_queries):
    client.force_login(world.users["officer"])
    path = "/uppfoljning/region/25/rapport.xlsx" + QUERY
    client.get(path)  # warm caches
    with django_assert_num_queries(REGION_QUERIES):
        client.get(path)
    add_clusters(world.programme, 8, world.north)
    with django_assert_num_queries(REGION_QUERIES):
        response = client.get(path)
    assert len(workbook(response.content)) > 1


REGION_QUERIES = 32
