"""The dashboard page (/uppfoljning/) as each persona, with bad input, the demo programme, English, and its query
count. The figures themselves are checked in test_population, test_map and test_labels."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from klusterplattform.registry.grants import grant_role
from klusterplattform.registry.tests.factories import (
    ClusterFactory,
    LabelFactory,
    MembershipFactory,
    OrganisationFactory,
    ProgrammeFactory,
    ProgrammeParticipationFactory,
    RegionFactory,
    UserFactory,
)
from klusterplattform.reporting.figures import Scope, population
from klusterplattform.reporting.figures import labels as labels_section
from klusterplattform.reporting.figures import map as map_section
from klusterplattform.reporting.tests import world_population

URL = "/uppfoljning/"
DAY = "as_of=2021-06-15"


@pytest.fixture
def world(db):
    return world_population.build()


def user_with(role, **scope):
    user = UserFactory()
    grant_role(user, role, **scope)
    return user


def figure(html: str, name: str) -> str:
    return re.search(rf'data-figure="{name}">([^<]*)<', html).group(1)


def test_the_route_is_the_swedish_path():
    with translation.override("sv"):
        assert reverse("reporting:dashboard") == URL


def test_anonymous_is_sent_to_sign_in(client, world):
    response = client.get(URL)
    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]


@pytest.mark.parametrize("role, scope", [("cluster_manager", {"clusters": ["kluster-a"]}), ("assessor", {})])
def test_staff_page_is_not_found_for_others(client, world, role, scope):
    client.force_login(user_with(role, **scope))
    assert client.get(URL).status_code == 404


def test_signed_in_outsider_gets_404(client, world):
    client.force_login(UserFactory())
    assert client.get(URL).status_code == 404


def test_officer_sees_every_region(client, world):
    client.force_login(user_with("officer"))
    response = client.get(f"{URL}?programme=s3&{DAY}")
    html = response.content.decode()
    assert response.status_code == 200
    assert (figure(html, "clusters"), figure(html, "organisations"), figure(html, "members")) == ("3", "9", "7")
    for name in ("population", "map", "labels", "benchmark", "activities", "calls-funding"):
        assert f'id="section-{name}"' in html
    assert "2021-06-15" in html
    assert f"{reverse('reporting:programme_report', args=['pdf'])}?programme=s3&amp;{DAY}" in html
    assert reverse("reporting:programme_report", args=["xlsx"]) in html
    assert reverse("reporting:evaluation_export", args=["zip"]) in html
    assert f"{reverse('reporting:kpis')}?programme=s3" in html and reverse("reporting:surveys") in html
    assert reverse("reporting:region", args=["12"]) not in html  # no single region chosen
    assert "badge-demo" not in html


def test_officer_choosing_a_region_gets_its_figures_and_the_regional_link(client, world):
    client.force_login(user_with("officer"))
    html = client.get(f"{URL}?programme=s3&{DAY}&region=12").content.decode()
    assert (figure(html, "clusters"), figure(html, "organisations")) == ("2", "5")
    assert reverse("reporting:region", args=["12"]) in html


def test_regional_officer_sees_only_their_region(client, world):
    client.force_login(user_with("regional_officer", regions=["12"]))
    response = client.get(f"{URL}?programme=s3&{DAY}")
    html = response.content.decode()
    assert response.status_code == 200
    assert (figure(html, "clusters"), figure(html, "organisations"), figure(html, "members")) == ("2", "5", "4")
    assert reverse("reporting:region", args=["12"]) in html
    assert reverse("reporting:evaluation_export", args=["xlsx"]) not in html  # officers only
    assert reverse("reporting:kpis") in html and reverse("reporting:surveys") not in html  # surveys: officers'


def test_regional_officer_asking_for_another_region_gets_404(client, world):
    client.force_login(user_with("regional_officer", regions=["12"]))
    assert client.get(f"{URL}?programme=s3&{DAY}&region=01").status_code == 404
    response = client.get(f"{URL}?programme=s3&{DAY}&region=99")  # no such region: the form says so
    assert response.status_code == 200 and "region" in response.context["form"].errors


def test_officer_asking_for_a_region_that_is_not_a_county_gets_the_form_error(client, world):
    RegionFactory(code="SE11", level="nuts2", country="SE")
    client.force_login(user_with("officer"))
    response = client.get(f"{URL}?region=SE11")
    assert response.status_code == 200 and "region" in response.context["form"].errors


@pytest.mark.parametrize(
    "query, field",
    [("as_of=2021-13-45", "as_of"), ("programme=no-such-programme", "programme"), ("region=99", "region")],
)
def test_bad_input_is_a_form_error_on_the_page(client, world, query, field):
    client.force_login(user_with("officer"))
    response = client.get(f"{URL}?{query}")
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert response.context["blocks"] == []
    assert 'class="error-summary"' in response.content.decode()


def test_demo_programme_is_marked_and_counts_demo_data_only(client, world):
    client.force_login(user_with("officer"))
    html = client.get(f"{URL}?programme=demo&{DAY}").content.decode()
    assert "badge-demo" in html and "notice-demo" in html
    assert (figure(html, "clusters"), figure(html, "organisations")) == ("1", "1")


def test_without_a_query_the_latest_real_programme_and_today_are_shown(client, world):
    client.force_login(user_with("officer"))
    response = client.get(URL)
    assert response.status_code == 200
    scope = response.context["scope"]
    assert scope.programme.slug == "s3" and scope.as_of == datetime.date.today()
    assert response.context["form"].initial["programme"] == scope.programme


def test_the_english_page_works(client, world):
    client.force_login(user_with("officer"))
    response = client.get(f"/en{URL}?programme=s3&{DAY}")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Figures as of 2021-06-15." in html
    assert "recorded labels from the awarding body" in html
    assert "Map: @svg-maps/sweden" in " ".join(re.sub(r"<[^>]+>", "", html).split())


def test_no_programme_to_show(client, db):
    RegionFactory(code="12")
    client.force_login(user_with("officer"))
    response = client.get(URL)
    assert response.status_code == 200
    assert response.context["scope"] is None


# --- query counts ---------------------------------------------------------------------------------------------------


def programme_with(clusters: int):
    """A programme of `clusters` clusters in three län, each with two members and a label."""
    regions = [RegionFactory(code=code) for code in ("01", "12", "25")]
    programme = ProgrammeFactory(slug="counted")
    for index in range(clusters):
        cluster = ClusterFactory(regions=[regions[index % 3]])
        ProgrammeParticipationFactory(programme=programme, cluster=cluster, selected_on=datetime.date(2019, 1, 1))
        for kind in ("member", "participant"):
            MembershipFactory(cluster=cluster, organisation=OrganisationFactory(), kind=kind)
        LabelFactory(cluster=cluster, awarded_on=datetime.date(2020, 1, 1), valid_until=datetime.date(2022, 1, 1))
    return programme


# Scope.cluster_ids and the clusters of the programme's kind (shared by every section), then population 3 (by län,
# by ecosystem, the organisations by type, size and day), map 1, labels 1.
OUR_SECTIONS_QUERIES = 2 + 3 + 1 + 1


@pytest.mark.parametrize("clusters", [2, 10])
def test_our_sections_take_the_same_queries_whatever_the_size(db, clusters, django_assert_num_queries):
    programme = programme_with(clusters)
    scope = Scope(programme=programme, as_of=datetime.date(2021, 6, 15))
    with django_assert_num_queries(OUR_SECTIONS_QUERIES):
        assert population.build(scope).clusters == clusters
        map_section.build(scope)
        assert sum(row.clusters for row in labels_section.build(scope).held) == clusters


def _page_queries(client, clusters: int) -> int:
    programme_with(clusters)
    client.force_login(user_with("officer"))
    with CaptureQueriesContext(connection) as captured:
        response = client.get(f"{URL}?programme=counted&{DAY}")
    assert response.status_code == 200
    assert figure(response.content.decode(), "clusters") == str(clusters)
    return len(captured)


def test_the_whole_page_takes_the_same_queries_for_2_and_10_clusters(client, db):
    two = _page_queries(client, 2)
    from klusterplattform.registry.models import ClusterOrganisation, Programme

    Programme.objects.filter(slug="counted").delete()
    ClusterOrganisation.objects.all().delete()
    assert _page_queries(client, 10) == two
