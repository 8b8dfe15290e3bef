"""The cluster directory page: each filter narrows the list, Swedish search and order, paging, constant queries."""

import datetime

import pytest

from .factories import (
    ClusterFactory,
    EcosystemFactory,
    LabelFactory,
    ProgrammeFactory,
    RegionFactory,
    SectoralIndustryFactory,
)

pytestmark = pytest.mark.django_db


def names(response) -> list[str]:
    return [cluster.name for cluster in response.context["page"].items]


@pytest.fixture
def clusters():
    stockholm = RegionFactory(code="01", name_sv="Stockholms län", nuts2_code="SE11")
    jamtland = RegionFactory(code="23", name_sv="Jämtlands län", nuts2_code="SE32")
    bavaria = RegionFactory(code="DE21", level="nuts2", country="DE", name_sv="Oberbayern", nuts2_code="DE21")
    digital = EcosystemFactory(code="digital")
    food = SectoralIndustryFactory(code="food")
    alpha = ClusterFactory(name="Alfa Life Science", regions=[stockholm], ecosystems=[digital], sectors=[food])
    ostersund = ClusterFactory(name="Östersund Kluster", regions=[jamtland])
    munich = ClusterFactory(name="Munich Mobility", country="DE", regions=[bavaria], is_demo=True)
    LabelFactory(cluster=alpha, level="gold")
    LabelFactory(  # expired: must not count as a valid label
        cluster=ostersund, level="gold", awarded_on=datetime.date(2015, 1, 1), valid_until=datetime.date(2017, 1, 1)
    )
    ProgrammeFactory(slug="s3-piloten", clusters=[ostersund])
    return {"alpha": alpha, "ostersund": ostersund, "munich": munich}


def test_without_filters_every_published_cluster_is_listed_in_swedish_order(client, clusters):
    response = client.get("/en/kluster/")
    assert names(response) == ["Alfa Life Science", "Munich Mobility", "Östersund Kluster"]
    assert "3 clusters" in response.content.decode()


@pytest.mark.parametrize(
    "query, expected",
    [
        ("region=01", ["Alfa Life Science"]),
        ("region=SE32", ["Östersund Kluster"]),  # a NUTS 2 code matches the counties in it
        ("country=de", ["Munich Mobility"]),
        ("ecosystem=digital", ["Alfa Life Science"]),
        ("sector=food", ["Alfa Life Science"]),
        ("label=gold", ["Alfa Life Science"]),
        ("programme=s3-piloten", ["Östersund Kluster"]),
        ("demo=only", ["Munich Mobility"]),
        ("demo=exclude", ["Alfa Life Science", "Östersund Kluster"]),
        ("q=mobility", ["Munich Mobility"]),
        ("sort=-name", ["Östersund Kluster", "Munich Mobility", "Alfa Life Science"]),
    ],
)
def test_each_filter_narrows_the_list(client, clusters, query, expected):
    assert names(client.get(f"/kluster/?{query}")) == expected


def test_filters_combine(client, clusters):
    assert names(client.get("/kluster/?demo=exclude&q=kluster")) == ["Östersund Kluster"]


def test_text_search_folds_case_of_swedish_letters(client, clusters):
    assert names(client.get("/kluster/?q=ÖSTER")) == ["Östersund Kluster"]
    assert names(client.get("/en/kluster/?q=östersund+KLUSTER")) == ["Östersund Kluster"]


def test_names_sort_in_swedish_alphabetical_order(client):
    for name in ["Örebro", "Zeta", "Åland", "Ängelholm", "Alfa"]:
        ClusterFactory(name=name)
    assert names(client.get("/kluster/")) == ["Alfa", "Zeta", "Åland", "Ängelholm", "Örebro"]


def test_no_match_shows_an_empty_state_with_a_way_back(client, clusters):
    response = client.get("/en/kluster/?q=nothing-like-this")
    html = response.content.decode()
    assert names(response) == []
    assert "No cluster organisation matches these filters." in html
    assert "0 clusters" in html


def test_unknown_filter_values_are_ignored_not_errors(client, clusters):
    response = client.get("/kluster/?sort=drop+table&demo=maybe&label=platinum&page=abc")
    assert response.status_code == 200
    assert len(names(response)) == 3


def test_the_form_keeps_the_chosen_filters(client, clusters):
    html = client.get("/kluster/?region=01&q=alfa").content.decode()
    assert '<option value="01" selected>' in html
    assert 'name="q" value="alfa"' in html


def test_the_region_options_list_only_regions_that_have_clusters(client, clusters):
    RegionFactory(code="25", name_sv="Norrbottens län")
    options = client.get("/kluster/").context["options"]
    codes = [region.code for _country, regions in options["region_groups"] for region in regions]
    assert codes == ["01", "23", "DE21"]


class TestPaging:
    @pytest.fixture
    def many(self, settings):
        settings.KP_PAGE_SIZE = 5
        return [ClusterFactory(name=f"Kluster {n:02d}") for n in range(12)]

    def test_the_second_page_continues_where_the_first_ended(self, client, many):
        response = client.get("/kluster/?page=2")
        assert names(response) == [f"Kluster {n:02d}" for n in range(5, 10)]
        assert response.context["page"].page_count == 3

    def test_paging_links_keep_the_filters(self, client, many):
        html = client.get("/en/kluster/?q=kluster&page=2").content.decode()
        assert 'href="?q=kluster&amp;page=3" rel="next"' in html
        assert 'href="?q=kluster" rel="prev"' in html
        assert 'aria-current="page"><span class="visually-hidden">Page </span>2</a>' in html

    def test_a_page_past_the_end_shows_the_last_page(self, client, many):
        response = client.get("/kluster/?page=99")
        assert response.status_code == 200
        assert response.context["page"].number == 3
        assert names(response) == ["Kluster 10", "Kluster 11"]

    def test_a_nonsense_page_shows_the_first_page(self, client, many):
        assert client.get("/kluster/?page=-4").context["page"].number == 1


@pytest.mark.parametrize("cluster_count", [3, 30])
def test_the_directory_makes_the_same_number_of_queries_whatever_the_data(
    client, django_assert_num_queries, cluster_count
):
    regions = [RegionFactory() for _ in range(3)]
    ecosystems = [EcosystemFactory() for _ in range(3)]
    for n in range(cluster_count):
        cluster = ClusterFactory(regions=regions[: 1 + n % 3], ecosystems=ecosystems[: n % 3], is_demo=n % 2 == 0)
        LabelFactory(cluster=cluster)
    ProgrammeFactory()
    # regions, countries, ecosystems, sectors, programmes (form); count, page, + regions, ecosystems, labels.
    with django_assert_num_queries(10):
        response = client.get("/kluster/")
    assert response.context["page"].total == cluster_count


def test_a_country_level_region_is_not_repeated_beside_the_country(client):
    germany = RegionFactory(code="DE", level="nuts0", country="DE", name_sv="Tyskland", name_en="Germany")
    ClusterFactory(country="DE", regions=[germany])
    html = client.get("/en/kluster/").content.decode()
    assert "<td>Germany</td>" in html
