"""The excellence list exports: assessment rounds, self-assessments and indicator catalogue versions. Each holds
exactly the rows its page shows (same filters, same visibility, not paged), in both formats, formula-safe."""

import pytest

from klusterplattform.core.exports import safe_cell
from klusterplattform.registry.tests.factories import ClusterFactory, UserFactory
from klusterplattform.registry.tests.test_list_exports_common import column, csv_rows, xlsx_rows

from .assessment_pages_world import at, signed_in, world  # noqa: F401 - the fixture
from .factories import AssessmentFactory, CatalogueFactory, ProgrammeFactory, RoundFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def more(world):  # noqa: F811
    """A submitted assessment of the other cluster, and a round with a formula-like name in a hidden programme."""
    at(AssessmentFactory(round=world["round"], cluster=world["other"]), "submitted")
    hidden = ProgrammeFactory(slug="dold", is_published=False)
    RoundFactory(slug="hidden-round", programme=hidden, name_sv="-1 dold omgång", catalogue=world["round"].catalogue)
    return world


# Self-assessments --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "persona, expected",
    [
        ("manager", ["Eget kluster"]),
        ("other_manager", ["Annat kluster"]),
        ("regional_in", ["Eget kluster"]),
        ("officer", ["Annat kluster", "Eget kluster"]),
    ],
)
def test_the_assessments_export_holds_what_the_persona_sees(client, more, persona, expected):
    signed_in(client, more["users"][persona])
    exported = column(csv_rows(client.get("/bedomningar/export.csv")), "Kluster")
    assert sorted(exported) == expected
    assert exported == [a.cluster.name for a in client.get("/bedomningar/").context["page"].items]


def test_the_assessments_export_follows_the_filters(client, more):
    signed_in(client, more["users"]["officer"])
    assert column(csv_rows(client.get("/bedomningar/export.csv?status=submitted")), "Kluster") == ["Annat kluster"]
    assert column(csv_rows(client.get("/bedomningar/export.csv?cluster=eget")), "Kluster") == ["Eget kluster"]
    page = client.get("/bedomningar/?status=submitted").content.decode()
    assert 'href="/bedomningar/export.xlsx?status=submitted"' in page


def test_the_assessments_export_needs_sign_in_and_an_outsider_gets_no_rows(client, more):
    response = client.get("/bedomningar/export.csv")
    assert response.status_code == 302 and "/konto/logga-in/" in response["Location"]
    signed_in(client, UserFactory(email="outsider@example.org"))
    assert csv_rows(client.get("/bedomningar/export.csv"))[1:] == []
    assert client.get("/bedomningar/export.txt").status_code == 404


def test_the_assessments_export_query_count_does_not_grow(client, more, django_assert_num_queries):
    signed_in(client, more["users"]["officer"])
    client.get("/bedomningar/export.csv")
    with django_assert_num_queries(5):
        client.get("/bedomningar/export.csv")
    for n in range(5):
        AssessmentFactory(round=more["round"], cluster=ClusterFactory(slug=f"extra-{n}"))
    with django_assert_num_queries(5):
        assert len(csv_rows(client.get("/bedomningar/export.csv"))) == 1 + 2 + 5


# Rounds ------------------------------------------------------------------------------------------------------------


def test_the_rounds_export_holds_the_rounds_of_visible_programmes(client, more):
    signed_in(client, more["users"]["manager"])
    assert column(csv_rows(client.get("/bedomningsomgangar/export.csv")), "Omgång") == [more["round"].name]
    signed_in(client, more["users"]["officer"])
    names = column(csv_rows(client.get("/bedomningsomgangar/export.csv")), "Omgång")
    assert sorted(names) == sorted([more["round"].name, safe_cell("-1 dold omgång")])
    assert [r.name for r in client.get("/bedomningsomgangar/").context["page"].items] == [
        name.removeprefix("'") for name in names
    ]


def test_the_rounds_export_neutralises_formulas_in_xlsx(client, more):
    signed_in(client, more["users"]["officer"])
    assert "'-1 dold omgång" in column(xlsx_rows(client.get("/bedomningsomgangar/export.xlsx")), "Omgång")


def test_the_rounds_export_is_refused_like_the_page(client, more):
    assert client.get("/bedomningsomgangar/export.csv").status_code == 302
    signed_in(client, UserFactory(email="outsider@example.org"))
    assert client.get("/bedomningsomgangar/").status_code == 403
    assert client.get("/bedomningsomgangar/export.csv").status_code == 403


def test_the_rounds_export_query_count_is_fixed(client, more, django_assert_num_queries):
    signed_in(client, more["users"]["officer"])
    client.get("/bedomningsomgangar/export.csv")
    with django_assert_num_queries(4) as before:
        client.get("/bedomningsomgangar/export.csv")
    for n in range(4):
        RoundFactory(slug=f"r{n}", programme=more["programme"], catalogue=more["round"].catalogue)
    with django_assert_num_queries(len(before.captured_queries)):
        client.get("/bedomningsomgangar/export.csv")


# Catalogues --------------------------------------------------------------------------------------------------------


def test_the_catalogue_export_is_public_and_lists_every_version_newest_first(client, world):  # noqa: F811
    CatalogueFactory(code="formel", name_sv="=SUM(A1)")
    rows = csv_rows(client.get("/indikatorer/export.csv"))
    listed = [version.code for version in client.get("/indikatorer/").context["versions"]]
    assert column(rows, "Kod") == [safe_cell(code) for code in listed]
    assert "'=SUM(A1)" in column(rows, "Katalog")
    assert "'=SUM(A1)" in column(xlsx_rows(client.get("/indikatorer/export.xlsx")), "Katalog")


def test_the_catalogue_export_query_count_is_fixed(client, world, django_assert_num_queries):  # noqa: F811
    with django_assert_num_queries(1):
        client.get("/indikatorer/export.csv")
    for n in range(3):
        CatalogueFactory(code=f"more-{n}")
    with django_assert_num_queries(1):
        client.get("/indikatorer/export.csv")
