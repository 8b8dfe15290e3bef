"""The cluster profile: facts, members by type, ECCP checklist, official labels, S3 areas, programmes."""

import datetime
from decimal import Decimal

import pytest

from .factories import (
    ClusterFactory,
    EcosystemFactory,
    LabelFactory,
    MembershipFactory,
    OrganisationFactory,
    ProgrammeFactory,
    RegionFactory,
    S3PriorityAreaFactory,
    SectoralIndustryFactory,
    TechnologyFieldFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def cluster():
    county = RegionFactory(code="07", name_sv="Kronobergs län", name_en="Kronoberg County")
    prioritised = S3PriorityAreaFactory(region=county, title_sv="Skog och trä", title_en="Forest and wood")
    S3PriorityAreaFactory(region=county, title_sv="Digitalisering", title_en="Digitalisation")
    cluster = ClusterFactory(
        name="Smålands Trä",
        slug="smalands-tra",
        legal_name="Smålands Trä ek. för.",
        organisation_number="556677-8899",
        management_fte=Decimal("1.50"),
        website_in_english=True,
        founded=datetime.date(2009, 5, 1),
        eccp_profile_url="https://reporting.clustercollaboration.eu/example",
        regions=[county],
        ecosystems=[EcosystemFactory(name_sv="Bygg", name_en="Construction")],
        sectors=[SectoralIndustryFactory(name_sv="Skogsprodukter", name_en="Forest products")],
        technology_fields=[TechnologyFieldFactory(name_sv="Trämaterial", name_en="Wood materials")],
        s3_priority_areas=[prioritised],
    )
    for n in range(15):
        MembershipFactory(cluster=cluster, organisation=OrganisationFactory(type="sme" if n % 3 else "research"))
    MembershipFactory(cluster=cluster, kind="participant", organisation=OrganisationFactory(type="public_body"))
    MembershipFactory(cluster=cluster, left=datetime.date(2021, 1, 1))  # history: does not count today
    LabelFactory(cluster=cluster, level="silver")
    LabelFactory(
        cluster=cluster, level="bronze", awarded_on=datetime.date(2018, 9, 1), valid_until=datetime.date(2020, 9, 1)
    )
    ProgrammeFactory(slug="s3-piloten", name_sv="S3-piloten", clusters=[cluster])
    return cluster


def test_the_profile_shows_the_facts(client, cluster):
    html = client.get("/en/kluster/smalands-tra/").content.decode()
    for fact in [
        "Smålands Trä ek. för.",
        "556677-8899",
        "2009",
        "1.5 FTE",
        'href="/en/regioner/07/"',
        "Kronoberg County",
    ]:
        assert fact in html
    assert 'href="https://reporting.clustercollaboration.eu/example"' in html
    swedish = client.get("/kluster/smalands-tra/").content.decode()
    assert "Bygg" in swedish and "Skogsprodukter" in swedish and "Trämaterial" in swedish


def test_english_profile_uses_english_names_and_number_format(client, cluster):
    html = client.get("/en/kluster/smalands-tra/").content.decode()
    assert "Kronoberg County" in html and "Construction" in html and "1.5 FTE" in html


def test_members_are_counted_by_type_from_current_memberships(client, cluster):
    response = client.get("/en/kluster/smalands-tra/")
    counts = response.context["counts"]
    assert (counts["total"], counts["members"], counts["participants"]) == (16, 15, 1)
    assert dict(response.context["members_by_type"])["SME"] == 10
    assert '<tfoot><tr><th scope="row">Total</th><td>16</td></tr></tfoot>' in response.content.decode()


def test_the_checklist_marks_each_criterion_with_a_symbol_and_a_word(client, cluster):
    html = client.get("/en/kluster/smalands-tra/").content.decode()
    assert html.count('<li class="check-pass">') == 4
    assert html.count("✓</span> Met") == 4
    assert "it does not block anything" in html


def test_a_failed_check_says_not_met_in_text(client):
    ClusterFactory(slug="tunn", website="")
    html = client.get("/en/kluster/tunn/").content.decode()
    assert html.count("✗</span> Not met") == 4
    assert "No website given" in html


def test_official_labels_are_listed_with_level_validity_and_status(client, cluster):
    html = client.get("/en/kluster/smalands-tra/").content.decode()
    assert "Official label records" in html
    assert "Silver" in html and "Bronze" in html
    assert "2020-09-01" in html and "Expired" in html and "Valid" in html


def test_the_regions_s3_areas_are_shown_with_the_ones_the_cluster_is_prioritised_in(client, cluster):
    response = client.get("/kluster/smalands-tra/")
    areas = {
        area.title: area.pk in response.context["prioritised_area_ids"] for area in response.context["region_areas"]
    }
    assert areas == {"Skog och trä": True, "Digitalisering": False}


def test_the_programmes_the_cluster_takes_part_in_are_listed(client, cluster):
    html = client.get("/kluster/smalands-tra/").content.decode()
    assert 'href="/program/s3-piloten/"' in html and "2018-03-26" in html


def test_a_profile_makes_a_fixed_number_of_queries(client, cluster, django_assert_num_queries):
    # cluster + 5 prefetches, member counts, labels, region areas, programmes.
    with django_assert_num_queries(10):
        client.get("/kluster/smalands-tra/")
    for _ in range(20):
        MembershipFactory(cluster=cluster)
    with django_assert_num_queries(10):
        client.get("/kluster/smalands-tra/")
