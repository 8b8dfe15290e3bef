from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import call_command

from klusterplattform.registry.choices import ParticipationStatus, RegionLevel
from klusterplattform.registry.models import (
    ClusterOrganisation,
    Ecosystem,
    Programme,
    Region,
    S3PriorityArea,
    SectoralIndustry,
    TechnologyField,
)
from klusterplattform.registry.reference import load_reference
from klusterplattform.registry.reference.s3_pilot import PROGRAMME_PAGE

PILOT_WEBSITES_FROM_DOMAIN = {
    "https://mobileheights.org",
    "https://iucsyd.se",
    "https://techtank.se",
    "https://interiorcluster.se",
    "https://automationsmaland.se",
    "https://smarttextiles.se",
    "https://agrovast.se",
    "https://aerospaceclustersweden.com",
    "https://urbanictarena.se",
    "https://compare.se",
    "https://paperprovince.com",
    "https://automationregion.com",
}


@pytest.fixture
def reference(db):
    return load_reference()


def _counts():
    return [
        model.objects.count()
        for model in (Region, Ecosystem, SectoralIndustry, TechnologyField, S3PriorityArea, Programme)
    ] + [ClusterOrganisation.objects.count()]


def test_reference_loads_21_counties_14_ecosystems_and_51_sectors(reference):
    assert Region.objects.filter(level=RegionLevel.COUNTY, country="SE").count() == 21
    assert Ecosystem.objects.count() == 14
    assert SectoralIndustry.objects.count() == 51
    assert SectoralIndustry.objects.filter(name_sv="").count() == 0
    assert SectoralIndustry.objects.get(code="paper-packaging").name_en == "Paper and Packaging"
    assert SectoralIndustry.objects.get(code="aerospace-vehicles-defence").name_en == "Aerospace Vehicles and Defence"


@pytest.mark.parametrize(
    ("code", "iso", "nuts3", "nuts2", "name_sv", "name_en"),
    [
        ("01", "SE-AB", "SE110", "SE11", "Stockholms län", "Stockholm County"),
        ("18", "SE-T", "SE124", "SE12", "Örebro län", "Örebro County"),
        ("14", "SE-O", "SE232", "SE23", "Västra Götalands län", "Västra Götaland County"),
        ("25", "SE-BD", "SE332", "SE33", "Norrbottens län", "Norrbotten County"),
    ],
)
def test_a_county_carries_its_lanskod_iso_and_nuts_codes(reference, code, iso, nuts3, nuts2, name_sv, name_en):
    county = Region.objects.get(code=code)
    assert (county.iso_code, county.nuts3_code, county.nuts2_code) == (iso, nuts3, nuts2)
    assert (county.name_sv, county.name_en, county.level) == (name_sv, name_en, RegionLevel.COUNTY)


def test_the_eu_27_countries_are_nuts0_regions_and_greece_is_el(reference):
    countries = Region.objects.filter(level=RegionLevel.COUNTRY)
    assert countries.count() == 27
    greece = countries.get(code="EL")
    assert (greece.country, greece.name_sv, greece.name_en) == ("GR", "Grekland", "Greece")
    assert countries.get(code="DE").name_sv == "Tyskland"


def test_exactly_the_20_pilot_clusters_take_part_in_s3_piloten_as_completed(reference):
    programme = Programme.objects.get(slug="s3-piloten")
    assert (programme.owner, programme.is_demo) == ("Tillväxtverket", False)
    assert (str(programme.starts_on), str(programme.ends_on)) == ("2018-08-31", "2021-11-12")
    participations = programme.participations.all()
    assert participations.count() == 20 == ClusterOrganisation.objects.count()
    assert {p.status for p in participations} == {ParticipationStatus.COMPLETED}


@pytest.mark.parametrize(
    ("name", "county"),
    [
        ("Mobile Heights", "12"),
        ("Techtank", "10"),
        ("IoT World", "05"),
        ("Urban ICT Arena", "01"),
        ("Paper Province", "17"),
        ("Järnvägsklustret", "19"),
        ("Sustainable Steel Region / Triple Steelix", "20"),
        ("Bron Innovation", "22"),
        ("Georange", "24"),
        ("AI & Big Data Innovations", "25"),
    ],
)
def test_a_pilot_cluster_lies_in_its_published_county(reference, name, county):
    cluster = ClusterOrganisation.objects.get(name=name)
    assert list(cluster.regions.values_list("code", flat=True)) == [county]


def test_pilot_clusters_hold_only_public_facts(reference):
    for cluster in ClusterOrganisation.objects.all():
        assert (cluster.is_demo, cluster.is_published, cluster.country) == (False, True, "SE")
        assert cluster.source_url == PROGRAMME_PAGE
        assert cluster.website == "" or cluster.website in PILOT_WEBSITES_FROM_DOMAIN
        assert (cluster.description, cluster.management_fte, cluster.organisation_number) == ("", None, "")
        assert cluster.sort_name and cluster.search_text
    assert ClusterOrganisation.objects.get(slug="iot-world").website == ""


def test_uppsala_orebro_and_vastmanland_share_the_ostra_mellansverige_areas(reference):
    for county in ("03", "18", "19"):
        areas = S3PriorityArea.objects.filter(region__code=county)
        assert areas.count() == 4
        assert {a.strategy_name for a in areas} == {"Smart specialisering i Östra Mellansverige"}
        assert {(a.period_start, a.period_end) for a in areas} == {(2023, 2027)}


def test_regions_without_published_area_names_get_none_and_every_area_cites_its_source(reference):
    assert not S3PriorityArea.objects.filter(region__code__in=["22", "24"]).exists()
    assert not S3PriorityArea.objects.filter(source_url="").exists()
    gotland_food = S3PriorityArea.objects.get(code="gotland-food")
    assert list(gotland_food.ecosystems.values_list("code", flat=True)) == ["agri-food"]


def test_loading_twice_creates_and_changes_nothing(reference):
    before = _counts()
    second = load_reference()
    assert (second.tally.created, second.tally.updated) == (0, 0)
    assert _counts() == before


def test_a_second_load_costs_a_fixed_handful_of_queries(reference, django_assert_num_queries):
    with django_assert_num_queries(12):  # one SELECT per table or link table, plus the savepoint pair
        load_reference()


def test_reloading_keeps_what_users_edited(reference):
    cluster = ClusterOrganisation.objects.get(slug="paper-province")
    cluster.description = "Our own words"
    cluster.management_fte = Decimal("13")
    cluster.website_in_english = True
    cluster.website = "https://paperprovince.com/en"
    cluster.save()
    cluster.regions.add(Region.objects.get(code="20"))
    TechnologyField.objects.filter(code="big-data").update(name_sv="Big data")
    load_reference()
    cluster.refresh_from_db()
    assert (cluster.description, cluster.management_fte, cluster.website_in_english) == ("Our own words", 13, True)
    assert cluster.website == "https://paperprovince.com/en"
    assert sorted(cluster.regions.values_list("code", flat=True)) == ["17", "20"]
    assert TechnologyField.objects.get(code="big-data").name_sv == "Big data"


def test_reloading_restores_reference_facts(reference):
    ClusterOrganisation.objects.filter(slug="georange").update(name="Renamed")
    S3PriorityArea.objects.get(code="gotland-food").ecosystems.clear()
    Programme.objects.get(slug="s3-piloten").participations.filter(cluster__slug="georange").delete()
    load_reference()
    assert ClusterOrganisation.objects.get(slug="georange").name == "Georange"
    assert S3PriorityArea.objects.get(code="gotland-food").ecosystems.count() == 1
    assert Programme.objects.get(slug="s3-piloten").participations.count() == 20


def test_reference_leaves_demo_data_untouched(reference):
    demo = ClusterOrganisation.objects.create(name="Demo", slug="demo-0001-demo", is_demo=True, is_published=False)
    stamp = demo.updated_at
    load_reference()
    demo.refresh_from_db()
    assert (demo.updated_at, demo.is_published, demo.regions.count()) == (stamp, False, 0)


def test_the_command_prints_a_one_line_summary(db):
    out = StringIO()
    call_command("load_reference", stdout=out)
    assert len(out.getvalue().strip().splitlines()) == 1
    assert "20" in out.getvalue()
