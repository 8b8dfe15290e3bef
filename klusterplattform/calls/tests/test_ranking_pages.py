"""The ranking table for officers: figures, filters, sorting, exports equal to the filtered table, permissions and
query counts."""

import csv
import io

import pytest
from django.urls import reverse

from klusterplattform.calls import ranking
from klusterplattform.calls.models import Application

from .review_world import NAME_A, NAME_B, assign, build, en, submitted

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    """A: reviews 1 and 2 of the maths example (53.4 %); B: review 3 alone (81.8 %), one reviewer still drafting."""
    world = build()
    submitted(assign(world.app_a, world.rev1), {"impact": 4, "capacity": 3})
    submitted(assign(world.app_a, world.rev2), {"impact": 2, "capacity": None})
    submitted(assign(world.app_b, world.rev1), {"impact": 5, "capacity": 1})
    assign(world.app_b, world.rev3)
    return world


def page(client, world, query=""):
    return client.get(en("calls:ranking", world.call.slug) + query)


def csv_rows(client, world, query=""):
    response = client.get(en("calls:ranking_export", world.call.slug, "csv") + query)
    assert response.status_code == 200
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def test_the_table_ranks_by_mean_percentage(client, world):
    client.force_login(world.officer)
    html = page(client, world).content.decode()
    assert html.index(NAME_B) < html.index(NAME_A)
    assert "Utkastklustret" not in html  # drafts are not ranked
    assert "53.4 %" in html and "81.8 %" in html
    assert "1 / 2" in html and "2 / 2" in html  # B: one of two reviewers submitted; A: both
    assert "28.4" in html  # A's agreement: SD of 81.8 and 25


def test_the_csv_holds_the_figures(client, world):
    client.force_login(world.officer)
    header, first, second = csv_rows(client, world)
    assert header[:9] == [
        "Rank",
        "Application",
        "Cluster organisation",
        "Regions",
        "Status",
        "Reviews submitted",
        "Reviewers assigned",
        "Mean total",
        "Mean percentage",
    ]
    assert header[-1] == "Agreement (standard deviation of the percentages)"
    assert first[:9] == ["1", str(world.app_b.pk), NAME_B, "12", "In review", "1", "2", "11.0", "81.8"]
    row = dict(zip(header, second, strict=True))
    assert (row["Rank"], row["Mean total"], row["Mean percentage"]) == ("2", "7.5", "53.4")
    assert (row["impact mean"], row["impact lowest"], row["impact highest"], row["impact standard deviation"]) == (
        "3.0",
        "2.0",
        "4.0",
        "1.0",
    )
    assert row["capacity mean"] == "3.0" and row["Agreement (standard deviation of the percentages)"] == "28.4"


@pytest.mark.parametrize(
    ("query", "names"),
    [
        ("", [NAME_B, NAME_A]),
        ("?region=25", [NAME_A]),
        ("?region=12", [NAME_B]),
        ("?min_reviews=2", [NAME_A]),
        ("?complete=1", [NAME_A]),
        ("?status=selected", []),
        ("?status=in_review&sort=cluster", [NAME_A, NAME_B]),
        ("?sort=-agreement", [NAME_A, NAME_B]),
        ("?status=nonsense&min_reviews=x&sort=nonsense", [NAME_B, NAME_A]),
    ],
)
def test_filters_and_the_export_show_exactly_the_same_rows(client, world, query, names):
    client.force_login(world.officer)
    html = page(client, world, query).content.decode()
    body = html.split("<tbody>")[1].split("</tbody>")[0]
    shown = sorted((body.index(name), name) for name in (NAME_A, NAME_B) if name in body)
    assert [name for _, name in shown] == names
    assert [row[2] for row in csv_rows(client, world, query)[1:]] == names
    xlsx = client.get(en("calls:ranking_export", world.call.slug, "xlsx") + query)
    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    assert [r[2] for r in sheet.iter_rows(min_row=2, values_only=True)] == names


def test_the_export_equals_the_table_built_for_the_page(client, world):
    from django.utils import translation

    client.force_login(world.officer)
    query = "?region=25"
    with translation.override("en"):
        table = ranking.build(world.call, {"region": "25"})
        expected = [
            [("" if c.value(r) is None else str(c.value(r))) for c in ranking.columns(table)] for r in table.rows
        ]
    assert csv_rows(client, world, query)[1:] == expected


def test_an_unknown_export_format_is_404(client, world):
    client.force_login(world.officer)
    assert client.get(en("calls:ranking_export", world.call.slug, "pdf")).status_code == 404


@pytest.mark.parametrize(
    ("persona", "published", "expected"),
    [
        ("officer", True, 200),
        ("rev1", True, 403),
        ("manager_a", True, 403),
        ("regional_in", True, 403),
        ("manager_a", False, 404),
        ("rev1", False, 404),
    ],
)
def test_only_officers_see_the_ranking(client, persona, published, expected):
    world = build(published=published)
    client.force_login(getattr(world, persona))
    assert client.get(reverse("calls:ranking", args=[world.call.slug])).status_code == expected
    assert client.get(reverse("calls:ranking_export", args=[world.call.slug, "csv"])).status_code == expected


def test_anonymous_is_sent_to_sign_in(client, world):
    assert client.get(reverse("calls:ranking", args=[world.call.slug])).status_code == 302
    assert client.get(reverse("calls:ranking_export", args=[world.call.slug, "csv"])).status_code == 302


def test_the_page_queries_do_not_grow_with_applications(client, world, django_assert_num_queries):
    from klusterplattform.registry.tests.factories import ClusterFactory

    client.force_login(world.officer)
    url = en("calls:ranking", world.call.slug)
    client.get(url)
    with django_assert_num_queries(8) as before:
        client.get(url)
    for number in range(5):
        extra = Application.objects.create(
            call=world.call, cluster=ClusterFactory(), form_version=world.form_version, status="in_review"
        )
        extra.regions.set([world.north])
        submitted(assign(extra, world.rev1), {"impact": 1 + number % 5, "capacity": None})
    with django_assert_num_queries(len(before.captured_queries)):
        assert client.get(url).status_code == 200
