"""The KPI pages: who sees them, defining KPIs, entering and freezing values (with clear errors, nothing written on
bad input), deleting with confirmation, exports that parse back, and a pinned query count."""

import csv
import io
from decimal import Decimal

import openpyxl
import pytest

from klusterplattform.registry.tests.factories import ClusterFactory, ProgrammeFactory, ProgrammeParticipationFactory
from klusterplattform.reporting.kpi_metrics import recent_periods
from klusterplattform.reporting.models import Kpi, KpiValue

from .test_kpis import make_kpi
from .world_evaluation import build_world, personas

pytestmark = pytest.mark.django_db

TABLE = "/uppfoljning/kpi/"


@pytest.fixture
def world():
    world = build_world()
    world.users = personas(world)
    world.kpi = make_kpi(world.programme, code="clusters", metric="clusters", target=Decimal(5), order=1)
    world.entered = make_kpi(world.programme, code="money", source="entered", order=2)
    return world


def as_user(client, user):
    if user is not None:
        client.force_login(user)
    return client


@pytest.mark.parametrize(
    "persona, status", [("officer", 200), ("regional", 200), ("manager", 404), ("outsider", 404), (None, 302)]
)
def test_the_table_is_for_officers_and_regional_officers(client, world, persona, status):
    user = world.users.get(persona)
    response = as_user(client, user).get(f"{TABLE}?programme={world.programme.slug}")
    assert response.status_code == status
    if status == 302:
        assert "/konto/" in response["Location"] or "login" in response["Location"]


@pytest.mark.parametrize("path", ["ny/", "{kpi}/andra/", "{kpi}/ta-bort/", "{kpi}/varden/"])
@pytest.mark.parametrize(
    "persona, status", [("officer", 200), ("regional", 404), ("manager", 404), ("outsider", 404), (None, 302)]
)
def test_managing_kpis_is_for_officers(client, world, path, persona, status):
    url = TABLE + path.format(kpi=world.kpi.pk) + f"?programme={world.programme.slug}"
    assert as_user(client, world.users.get(persona)).get(url).status_code == status


def test_the_table_shows_values_with_their_source_and_a_trend_in_words(client, world):
    KpiValue.objects.create(kpi=world.entered, period="2023", value=Decimal(7))
    response = as_user(client, world.users["officer"]).get(f"/en{TABLE}?programme={world.programme.slug}")
    page = response.content.decode()
    assert 'data-origin="computed"' in page and 'data-origin="entered"' in page
    assert "data-trend=" in page
    assert "computed" in page and "entered" in page
    assert response.context["rows"][0].kpi == world.kpi


def test_an_officer_adds_a_computed_kpi(client, world):
    data = {
        "code": "members",
        "name_sv": "Medlemmar",
        "name_en": "Members",
        "definition_sv": "Engagerade medlemmar",
        "definition_en": "Dedicated members",
        "unit": "count",
        "source": "computed",
        "metric": "members",
        "baseline": "10",
        "baseline_period": "2023",
        "target": "20",
        "target_period": "2026-h1",
        "higher_is_better": "on",
        "order": "3",
    }
    response = as_user(client, world.users["officer"]).post(f"{TABLE}ny/?programme={world.programme.slug}", data)
    assert response.status_code == 302
    kpi = Kpi.objects.get(code="members")
    assert (kpi.programme, kpi.metric, kpi.target_period) == (world.programme, "members", "2026-H1")


@pytest.mark.parametrize(
    "change, field",
    [
        ({"source": "computed", "metric": ""}, "metric"),
        ({"baseline_period": "2023-X"}, "baseline_period"),
        ({"code": "clusters"}, "code"),
        ({"baseline": "ten"}, "baseline"),
    ],
)
def test_a_bad_kpi_gets_a_clear_error_and_nothing_is_written(client, world, change, field):
    data = {
        "code": "new",
        "name_sv": "Ny",
        "name_en": "New",
        "definition_sv": "d",
        "definition_en": "d",
        "unit": "count",
        "source": "entered",
        "order": "0",
        **change,
    }
    response = as_user(client, world.users["officer"]).post(f"{TABLE}ny/?programme={world.programme.slug}", data)
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert Kpi.objects.count() == 2


def test_entered_values_are_validated(client, world):
    client = as_user(client, world.users["officer"])
    url = f"{TABLE}{world.entered.pk}/varden/"
    assert client.post(url, {"period": "2024-h2", "value": "12,5"}).status_code in (200, 302)
    assert client.post(url, {"period": "2024-H2", "value": "12.5"}).status_code == 302
    for bad, field in [
        ({"period": "2024-H2", "value": "3"}, "period"),  # duplicate period
        ({"period": "24", "value": "3"}, "period"),
        ({"period": "2025", "value": "many"}, "value"),
    ]:
        response = client.post(url, bad)
        assert response.status_code == 200
        assert field in response.context["value_form"].errors
    assert list(world.entered.values.values_list("period", "value")) == [("2024-H2", Decimal("12.5"))]


def test_an_officer_freezes_and_unfreezes_a_period(client, world):
    client = as_user(client, world.users["officer"])
    url = f"{TABLE}{world.kpi.pk}/varden/"
    assert client.post(url, {"period": "2024"}).status_code == 302
    stored = world.kpi.values.get()
    assert (stored.period, stored.value, stored.entered_by) == ("2024", Decimal(2), world.users["officer"])
    response = client.post(url, {"period": "2024"})
    assert "period" in response.context["freeze_form"].errors
    assert client.post(f"{url}{stored.pk}/ta-bort/").status_code == 302
    assert not world.kpi.values.exists()


def test_deleting_a_kpi_asks_first(client, world):
    client = as_user(client, world.users["officer"])
    url = f"{TABLE}{world.kpi.pk}/ta-bort/"
    assert client.get(url).status_code == 200
    assert Kpi.objects.filter(pk=world.kpi.pk).exists()
    assert client.post(url).status_code == 302
    assert not Kpi.objects.filter(pk=world.kpi.pk).exists()


def test_the_exports_parse_back_with_the_tables_figures(client, world):
    KpiValue.objects.create(kpi=world.entered, period=recent_periods()[-1].code, value=Decimal("3.5"))
    client = as_user(client, world.users["regional"])
    response = client.get(f"{TABLE}export.csv?programme={world.programme.slug}")
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert [row[0] for row in rows[1:]] == ["clusters", "money"]
    current = rows[0].index(recent_periods()[-1].code)
    assert Decimal(rows[2][current]) == Decimal("3.5") and rows[2][current + 1] == "entered"
    assert Decimal(rows[1][current]) == 2 and rows[1][current + 1] == "computed"  # C1 and C2 take part today
    response = client.get(f"{TABLE}export.xlsx?programme={world.programme.slug}")
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    values = list(sheet.values)
    assert [row[0] for row in values[1:]] == ["clusters", "money"]
    assert float(values[2][current]) == 3.5
    assert client.get(f"{TABLE}export.pdf?programme={world.programme.slug}").status_code == 404


def test_a_hidden_programme_is_not_found(client, world):
    hidden = ProgrammeFactory(is_published=False)
    client = as_user(client, world.users["regional"])
    response = client.get(f"{TABLE}?programme={hidden.slug}")
    assert response.status_code in (200, 404)
    if response.status_code == 200:  # officers see unpublished programmes; a regional officer falls back
        assert response.context["programme"] != hidden


@pytest.mark.parametrize("clusters", [2, 10])
def test_the_table_page_takes_the_same_queries_whatever_the_number_of_clusters(
    client, clusters, django_assert_num_queries
):
    from klusterplattform.registry.grants import grant_role
    from klusterplattform.registry.tests.factories import UserFactory

    programme = ProgrammeFactory()
    for _ in range(clusters):
        ProgrammeParticipationFactory(programme=programme, cluster=ClusterFactory())
    make_kpi(programme, code="a", metric="clusters")
    make_kpi(programme, code="b", metric="members")
    make_kpi(programme, code="c", source="entered")
    officer = UserFactory()
    grant_role(officer, "officer")
    client.force_login(officer)
    client.get(f"{TABLE}?programme={programme.slug}")  # warm the session
    # the page's own (session, user, grants, programme, menu …), KPIs, stored values, and the population section
    # once per period (5 × 5 queries), shared by both computed KPIs
    with django_assert_num_queries(32):
        response = client.get(f"{TABLE}?programme={programme.slug}")
    assert response.status_code == 200
