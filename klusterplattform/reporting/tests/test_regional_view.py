"""The regional view (/uppfoljning/region/<code>/) and its figures (figures/regional.py) on the hand-made world.

South ("12") on 2026-12-31: clusters A and B (C is in the north, L joins in 2027, the demo cluster never counts).
S3 areas S1 (A), S2 (A, B), S3 (B), S4 (none; B shares its ecosystem; the outside cluster is linked but not in the
programme), S5 (none; C in the north is linked) → 3 of 5 areas covered, 60 %.
"""

import datetime

import pytest

from klusterplattform.registry.models import Programme
from klusterplattform.reporting.figures import Scope, regional

from .world_sections import AS_OF, build_world, grow

pytestmark = pytest.mark.django_db

DAY = f"programme=program&as_of={AS_OF.isoformat()}"


@pytest.fixture
def world():
    return build_world()


def south_figures(world, as_of=AS_OF, programme=None):
    scope = Scope(programme=programme or world.programme, as_of=as_of, region_ids=frozenset({world.south.pk}))
    return regional.build_region(scope, world.south)


def test_coverage_of_the_regions_s3_areas(world):
    figures = south_figures(world)
    linked = {row.area.code: [item.cluster.slug for item in row.clusters] for row in figures.areas}
    assert linked == {"s1": ["alfa"], "s2": ["alfa", "beta"], "s3": ["beta"], "s4": [], "s5": []}
    assert [item.cluster.slug for item in figures.areas[3].shared_ecosystem] == ["beta"]  # a hint, not coverage
    assert (figures.covered, len(figures.areas), figures.coverage) == (3, 5, 60.0)


def test_clusters_members_labels_position_and_activities(world):
    figures = south_figures(world)
    rows = {row.cluster.slug: row for row in figures.clusters}
    assert set(rows) == {"alfa", "beta"}
    alfa, beta = rows["alfa"], rows["beta"]
    # A: two organisations in the south on the day (one in the north, one left in June 2026); B: one (one joins 2027).
    assert (alfa.members, beta.members) == (2, 1)
    assert (alfa.labels, beta.labels) == (["gold"], [])  # A's bronze expired; B's silver starts in 2027
    assert alfa.position == pytest.approx((300 / 7 + 100 - 200 / 7) / 2)  # 57.14, see test_benchmark_section
    assert beta.position == pytest.approx(600 / 7 / 2)  # 42.86
    assert [activity.title_en for activity in alfa.taken_part_in] == ["Workshop 0", "Study visit 1"]
    assert (alfa.activities, beta.activities) == (2, 1)
    assert alfa.area_codes == ["s1", "s2"]


def test_later_day_counts_later_records(world):
    figures = south_figures(world, as_of=datetime.date(2027, 6, 1))
    rows = {row.cluster.slug: row for row in figures.clusters}
    assert set(rows) == {"alfa", "beta", "sena"}  # L was selected on 2027-01-01
    assert (rows["beta"].members, rows["beta"].labels) == (2, ["silver"])


def test_a_wider_scope_is_narrowed_to_the_region(world):
    figures = regional.build_region(Scope(programme=world.programme, as_of=AS_OF), world.south)
    assert {row.cluster.slug for row in figures.clusters} == {"alfa", "beta"}
    other = Scope(programme=world.programme, as_of=AS_OF, region_ids=frozenset({world.north.pk}))
    assert regional.build_region(other, world.south).clusters == []  # never widened to a region not in scope


def test_demo_programme(world):
    figures = south_figures(world, programme=world.demo_programme)
    assert figures.is_demo
    assert [row.cluster.slug for row in figures.clusters] == ["demo-kluster"]


def test_sheets(world):
    (_t, area_columns, areas), (_t2, columns, clusters) = regional.sheets(south_figures(world))
    assert [area_columns[2].value(row) for row in areas] == [1, 2, 1, 0, 0]
    assert [columns[3].value(row) for row in clusters] == [57, 43]
    assert [columns[5].value(row) for row in clusters] == ["Workshop 0; Study visit 1", "Workshop 2"]
    assert [columns[6].value(row) for row in clusters] == ["Område 1, Område 2", "Område 2, Område 3"]


def test_query_count_does_not_grow(world, django_assert_num_queries):
    with django_assert_num_queries(QUERIES):
        south_figures(world)
    grow(world)
    programme = Programme.objects.get(pk=world.programme.pk)  # a new request's programme, no cached facts
    with django_assert_num_queries(QUERIES):
        figures = south_figures(world, programme=programme)
    assert (len(figures.clusters), figures.covered) == (10, 5)


QUERIES = 25


# The page -----------------------------------------------------------------------------------------------------------


def get(client, user, path):
    if user is not None:
        client.force_login(user)
    return client.get(path)


@pytest.mark.parametrize("persona", ["officer", "south_officer"])
def test_officers_of_the_region_see_it(client, world, persona):
    response = get(client, world.users[persona], f"/uppfoljning/region/12/?{DAY}")
    assert response.status_code == 200
    figures = response.context["figures"]
    assert (figures.covered, len(figures.areas)) == (3, 5)
    body = response.content.decode()
    assert "/uppfoljning/region/12/rapport.pdf?" in body and "/uppfoljning/region/12/rapport.xlsx?" in body


@pytest.mark.parametrize("persona", ["north_officer", "manager", "outsider"])
def test_others_signed_in_get_404(client, world, persona):
    assert get(client, world.users[persona], f"/uppfoljning/region/12/?{DAY}").status_code == 404


def test_anonymous_is_sent_to_sign_in(client, world):
    response = get(client, None, "/uppfoljning/region/12/")
    assert response.status_code == 302
    assert "next=/uppfoljning/region/12/" in response["Location"]


def test_unknown_region_is_404(client, world):
    assert get(client, world.users["officer"], "/uppfoljning/region/99/").status_code == 404


def test_bad_day_shows_the_form_error(client, world):
    response = get(client, world.users["officer"], "/uppfoljning/region/12/?as_of=not-a-day")
    assert response.status_code == 200
    assert "figures" not in response.context
    assert 'role="alert"' in response.content.decode()


def test_english_page(client, world):
    response = get(client, world.users["south_officer"], f"/en/uppfoljning/region/12/?{DAY}")
    assert response.status_code == 200
    body = response.content.decode()
    assert "Regional view: Skåne County" in body
    assert "3 of 5 areas (60 %) have at least one of the programme's clusters." in body
    assert "Gold" in body and "Alfa kluster" in body


def test_page_query_count_does_not_grow(client, world, django_assert_max_num_queries):
    client.force_login(world.users["officer"])
    client.get(f"/uppfoljning/region/12/?{DAY}")  # warm the session and caches
    with django_assert_max_num_queries(PAGE_QUERIES) as small:
        client.get(f"/uppfoljning/region/12/?{DAY}")
    grow(world)
    with django_assert_max_num_queries(PAGE_QUERIES) as large:
        client.get(f"/uppfoljning/region/12/?{DAY}")
    assert len(small.captured_queries) == len(large.captured_queries)


PAGE_QUERIES = 60


def test_the_dashboard_shows_the_three_sections(client, world):
    response = get(client, world.users["south_officer"], f"/en/uppfoljning/?{DAY}")
    assert response.status_code == 200
    body = response.content.decode()
    for anchor in ('id="section-benchmark"', 'id="section-activities"', 'id="section-calls-funding"'):
        assert anchor in body
    assert "2 of 2 clusters took part in at least one activity." in body  # the south's A and B


def test_an_empty_day_says_so(client, world):
    body = get(client, world.users["officer"], "/en/uppfoljning/?programme=program&as_of=2017-01-01").content.decode()
    assert "No cluster in scope has a validated self-assessment" in body
    assert "The programme has no published activities on or before this day." in body
    assert "The programme has no calls that opened on or before this day." in body
    region = get(client, world.users["officer"], "/en/uppfoljning/region/12/?programme=program&as_of=2017-01-01")
    assert "The programme has no clusters in this region on this day." in region.content.decode()
    assert region.context["figures"].covered == 0
