"""Region and programme pages: ordering, S3 areas, visible clusters, derived member sums, constant queries."""

import pytest

from .factories import (
    ClusterFactory,
    EcosystemFactory,
    MembershipFactory,
    OrganisationFactory,
    ProgrammeFactory,
    RegionFactory,
    S3PriorityAreaFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def regions():
    return {
        "uppsala": RegionFactory(code="03", name_sv="Uppsala län", nuts3_code="SE121", nuts2_code="SE12"),
        "stockholm": RegionFactory(code="01", name_sv="Stockholms län", nuts3_code="SE110", nuts2_code="SE11"),
        "lyon": RegionFactory(code="FRK26", level="nuts3", country="FR", name_sv="Rhône", nuts3_code="FRK26"),
        "uusimaa": RegionFactory(code="FI1B1", level="nuts3", country="FI", name_sv="Nyland", name_en="Uusimaa"),
    }


def test_swedish_counties_come_first_in_county_code_order_then_other_countries(client, regions):
    response = client.get("/en/regioner/")
    assert [r.code for r in response.context["counties"]] == ["01", "03"]
    groups = [(country, [r.code for r in group]) for country, group in response.context["other_groups"]]
    assert groups == [("Finland", ["FI1B1"]), ("France", ["FRK26"])]
    html = response.content.decode()
    assert "SE110" in html and "SE11" in html


def test_the_region_list_counts_only_clusters_the_visitor_may_see(client, regions):
    ClusterFactory(regions=[regions["stockholm"]])
    ClusterFactory(regions=[regions["stockholm"]], is_published=False)
    counties = client.get("/regioner/").context["counties"]
    assert {r.code: r.cluster_count for r in counties} == {"01": 1, "03": 0}


def test_the_region_page_shows_codes_s3_areas_and_its_clusters(client, regions):
    area = S3PriorityAreaFactory(
        region=regions["uppsala"],
        title_sv="Life science",
        description_sv="Läkemedel och diagnostik.",
        period_start=2021,
    )
    area.ecosystems.set([EcosystemFactory(name_sv="Hälsa")])
    ClusterFactory(name="Uppsala Bio", regions=[regions["uppsala"]])
    ClusterFactory(name="Demo Bio", regions=[regions["uppsala"]], is_demo=True)
    ClusterFactory(name="Annat Län", regions=[regions["stockholm"]])
    response = client.get("/regioner/03/")
    html = response.content.decode()
    assert [c.name for c in response.context["clusters"].items] == ["Demo Bio", "Uppsala Bio"]
    for text in ["SE121", "SE12", "Life science", "Läkemedel och diagnostik.", "2021–2027", "Hälsa"]:
        assert text in html
    assert 'href="https://example.org/strategy"' in html
    assert html.count('class="badge badge-demo"') == 1


def test_the_english_region_page_uses_english_texts_and_marks_swedish_fallbacks(client, regions):
    S3PriorityAreaFactory(region=regions["uppsala"], title_en="", title_sv="Endast svenska")
    html = client.get("/en/regioner/03/").content.decode()
    assert '<h3 id="area-' in html and 'lang="sv">Endast svenska</h3>' in html


@pytest.mark.parametrize("cluster_count", [2, 20])
def test_region_pages_make_a_fixed_number_of_queries(client, regions, django_assert_num_queries, cluster_count):
    for _ in range(cluster_count):
        ClusterFactory(regions=[regions["uppsala"]], ecosystems=[EcosystemFactory()])
    S3PriorityAreaFactory(region=regions["uppsala"])
    with django_assert_num_queries(1):
        client.get("/regioner/")
    # region, areas, their ecosystems, cluster count, cluster page + its regions, ecosystems and labels.
    with django_assert_num_queries(8):
        client.get("/regioner/03/")


@pytest.fixture
def programme(regions):
    first = ClusterFactory(name="Första", regions=[regions["stockholm"]])
    second = ClusterFactory(name="Andra", regions=[regions["uppsala"]])
    for type_ in ["sme", "sme", "research"]:
        MembershipFactory(cluster=first, organisation=OrganisationFactory(type=type_))
    MembershipFactory(cluster=second, kind="participant", organisation=OrganisationFactory(type="public_body"))
    return ProgrammeFactory(
        slug="s3-piloten", name_sv="S3-piloten", name_en="The S3 pilot", description_en="", clusters=[first, second]
    )


def test_the_programme_page_lists_clusters_with_selection_date_and_status(client, programme):
    response = client.get("/en/program/s3-piloten/")
    html = response.content.decode()
    assert [p.cluster.name for p in response.context["participations"]] == ["Andra", "Första"]
    assert "2018-03-26" in html and "Selected" in html and "Tillväxtverket" in html


def test_the_programme_page_sums_member_counts_over_its_clusters(client, programme):
    totals = client.get("/en/program/s3-piloten/").context["totals"]
    assert (totals["total"], totals["members"], totals["participants"]) == (4, 3, 1)
    assert dict(totals["by_type"])["SME"] == 2


def test_programme_texts_follow_the_language_and_fall_back_to_swedish(client, programme):
    english = client.get("/en/program/s3-piloten/").content.decode()
    assert '<h1 lang="en">The S3 pilot' in english
    assert '<div class="prose" lang="sv"><p>Ett program för kluster.</p></div>' in english


def test_a_demo_programme_says_it_is_fictional(client):
    ProgrammeFactory(slug="demo", is_demo=True)
    html = client.get("/en/program/demo/").content.decode()
    assert "This is a fictional demo programme." in html and 'class="badge badge-demo"' in html


def test_the_programme_list_counts_visible_clusters(client, programme):
    ClusterFactory(is_published=False).participations.create(programme=programme)
    programmes = list(client.get("/program/").context["programmes"])
    assert [(p.slug, p.cluster_count) for p in programmes] == [("s3-piloten", 2)]


@pytest.mark.parametrize("extra_clusters", [0, 15])
def test_programme_pages_make_a_fixed_number_of_queries(client, programme, django_assert_num_queries, extra_clusters):
    for _ in range(extra_clusters):
        cluster = ClusterFactory(regions=[RegionFactory()])
        cluster.participations.create(programme=programme)
        MembershipFactory(cluster=cluster)
    with django_assert_num_queries(1):
        client.get("/program/")
    # programme, participations + cluster regions, member counts; the activities module's sections
    # (registry/programme_sections.py): latest news, coming activities, contacts.
    with django_assert_num_queries(7):
        client.get("/program/s3-piloten/")


def test_the_start_page_makes_a_fixed_number_of_queries(client, programme, django_assert_num_queries):
    # programmes, cluster figures, regions, countries, ecosystems.
    with django_assert_num_queries(5):
        client.get("/")
