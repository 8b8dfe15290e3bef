"""The programme report (PDF and XLSX): its figures on the hand-made world (world_reports.py), its language, who may
download it, bad input, and a query count that does not grow with the programme."""

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy

from klusterplattform.registry.tests.factories import ClusterFactory, ProgrammeFactory

from .reading_reports import pdf_text, workbook
from .world_reports import AS_OF, add_clusters, build_world

pytestmark = pytest.mark.django_db
QUERY = f"?programme=rapportprogram&as_of={AS_OF:%Y-%m-%d}"


@pytest.fixture
def world():
    return build_world()


def _get(client, user, path, query=QUERY):
    if user is not None:
        client.force_login(user)
    return client.get(path + query)


def _population(sheets) -> dict:
    """The population section's totals sheet (the first sheet after "About"): figure → value, in its order."""
    rows = list(sheets.values())[1][1:]
    return [value for _figure, value in rows]


def test_officer_gets_the_programme_workbook_with_about_sheet_and_hand_counted_population(client, world):
    response = _get(client, world.users["officer"], "/uppfoljning/rapport.xlsx")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert "rapportprogram-2025-06-30-sv.xlsx" in response["Content-Disposition"]
    sheets = workbook(response.content)
    about = list(sheets.values())[0]
    with translation.override("sv"):
        assert about[0] == [str(gettext_lazy(header)) for header in ("Item", "Value", "Kind")]
    assert about[2][1] == "rapportprogram"  # the programme's code
    assert about[3][1].date() == AS_OF
    clusters, organisations, members = _population(sheets)[:3]
    assert (clusters, organisations, members) == (2, 3, 2)


def test_english_workbook_has_english_headers_and_name(client, world):
    response = _get(client, world.users["officer"], "/en/uppfoljning/rapport.xlsx")
    assert "-en.xlsx" in response["Content-Disposition"]
    sheets = workbook(response.content)
    assert list(sheets)[0] == "About"
    assert list(sheets.values())[0][0] == ["Item", "Value", "Kind"]
    about = {row[0]: row[1] for row in list(sheets.values())[0][1:]}
    assert about["Programme"] == "The report programme"
    assert "Data source" in about


def test_regional_officer_report_counts_only_their_region(client, world):
    response = _get(client, world.users["regional_north"], "/uppfoljning/rapport.xlsx")
    sheets = workbook(response.content)
    clusters, organisations, members = _population(sheets)[:3]
    assert (clusters, organisations, members) == (1, 2, 1)
    about = list(sheets.values())[0]
    assert about[4][1] == "Norrbottens län"
    assert "Alfakluster" not in str(sheets) or "=HYPERLINK" not in str(sheets)
    assert "HYPERLINK" not in str(sheets)


def test_regional_officer_asking_for_another_region_gets_404(client, world):
    response = _get(client, world.users["regional_north"], "/uppfoljning/rapport.pdf", QUERY + "&region=12")
    assert response.status_code == 404


def test_pdf_has_title_page_sources_and_the_sections(client, world):
    response = _get(client, world.users["officer"], "/en/uppfoljning/rapport.pdf")
    assert response.status_code == 200
    assert response.content.startswith(b"%PDF")
    text = pdf_text(response.content)
    assert "The report programme" in text
    assert "2025-06-30" in text
    assert "Data sources" in text
    assert "computed by the platform" in text
    assert "2 clusters in the programme" in text  # the population section's figures, hand-counted
    assert "3 participating organisations" in text


def test_pdf_for_a_regional_officer_names_their_region(client, world):
    response = _get(client, world.users["regional_north"], "/en/uppfoljning/rapport.pdf")
    text = pdf_text(response.content)
    assert "Limited to" in text and "Norrbotten County" in text


def test_swedish_pdf_is_the_default(client, world):
    response = _get(client, world.users["officer"], "/uppfoljning/rapport.pdf")
    assert "-sv.pdf" in response["Content-Disposition"]
    assert "Rapportprogrammet" in pdf_text(response.content)


@pytest.mark.parametrize(
    "query",
    [QUERY.replace(f"{AS_OF:%Y-%m-%d}", "not-a-day"), "?programme=no-such-programme"],
)
def test_bad_scope_is_a_400_with_a_message(client, world, query):
    response = _get(client, world.users["officer"], "/uppfoljning/rapport.pdf", query)
    assert response.status_code == 400
    assert response.content


def test_unknown_format_is_404(client, world):
    assert _get(client, world.users["officer"], "/uppfoljning/rapport.doc").status_code == 404


@pytest.mark.parametrize(
    ("persona", "status"),
    [("officer", 200), ("regional_north", 200), ("manager_alfa", 404), ("outsider", 404)],
)
def test_who_may_download_the_programme_report(client, world, persona, status):
    assert _get(client, world.users[persona], "/uppfoljning/rapport.xlsx").status_code == status


def test_anonymous_is_sent_to_sign_in(client, world):
    response = _get(client, None, "/uppfoljning/rapport.xlsx")
    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"] or "login" in response["Location"]


@pytest.mark.parametrize("file_format", ["xlsx", "pdf"])
def test_query_count_does_not_grow_with_the_programme(client, world, django_assert_num_queries, file_format):
    client.force_login(world.users["officer"])
    path = f"/uppfoljning/rapport.{file_format}{QUERY}"
    client.get(path)  # warm caches (content types, translations)
    with django_assert_num_queries(PINNED_QUERIES[file_format]):
        assert client.get(path).status_code == 200
    add_clusters(world.programme, 8, world.north)
    with django_assert_num_queries(PINNED_QUERIES[file_format]):
        assert client.get(path).status_code == 200
    totals = _population(workbook(client.get(f"/uppfoljning/rapport.xlsx{QUERY}").content))
    assert totals[0] == 10


PINNED_QUERIES = {"xlsx": 24, "pdf": 24}


def test_demo_programme_report_says_so_and_counts_only_demo_clusters(client, world):
    demo = ProgrammeFactory(slug="demoprogram", is_demo=True, clusters=[ClusterFactory(is_demo=True), world.alfa])
    client.force_login(world.users["officer"])
    query = f"?programme={demo.slug}&as_of={AS_OF:%Y-%m-%d}"
    text = pdf_text(client.get("/en/uppfoljning/rapport.pdf" + query).content)
    assert "Demo data" in text
    sheets = workbook(client.get("/en/uppfoljning/rapport.xlsx" + query).content)
    assert _population(sheets)[0] == 1  # the demo cluster, not the real alfa
    assert dict(row[:2] for row in sheets["About"][1:])["Demo data"] == "yes"


def test_an_empty_programme_gives_a_report_of_zeros(client, world):
    ProgrammeFactory(slug="tomt")
    client.force_login(world.users["officer"])
    response = client.get(f"/uppfoljning/rapport.xlsx?programme=tomt&as_of={AS_OF:%Y-%m-%d}")
    assert response.status_code == 200
    assert _population(workbook(response.content))[:3] == [0, 0, 0]
    assert client.get(f"/uppfoljning/rapport.pdf?programme=tomt&as_of={AS_OF:%Y-%m-%d}").status_code == 200
