"""End to end in headless chromium: a visitor's journey through the directory, keyboard use, and axe-core scans."""

import datetime

import pytest

from klusterplattform.registry.tests.factories import (
    ClusterFactory,
    EcosystemFactory,
    MembershipFactory,
    OrganisationFactory,
    ProgrammeFactory,
    RegionFactory,
    S3PriorityAreaFactory,
)

pytestmark = pytest.mark.browser


@pytest.fixture
def registry(transactional_db):
    jamtland = RegionFactory(code="23", name_sv="Jämtlands län", name_en="Jämtland County", nuts3_code="SE322")
    stockholm = RegionFactory(code="01", name_sv="Stockholms län", name_en="Stockholm County", nuts3_code="SE110")
    S3PriorityAreaFactory(region=jamtland, title_sv="Hållbar turism", title_en="Sustainable tourism")
    tourism = EcosystemFactory(code="tourism", name_sv="Turism", name_en="Tourism")
    ostersund = ClusterFactory(
        name="Östersund Kluster",
        slug="ostersund-kluster",
        regions=[jamtland],
        ecosystems=[tourism],
        description="Ett kluster för besöksnäringen.",
        founded=datetime.date(2010, 1, 1),
    )
    for type_ in ["sme", "sme", "research", "public_body"]:
        MembershipFactory(cluster=ostersund, organisation=OrganisationFactory(type=type_))
    stockholm_cluster = ClusterFactory(name="Alfa Stockholm", regions=[stockholm])
    demo = ClusterFactory(name="Demo Lyon Cluster", country="FR", is_demo=True)
    ProgrammeFactory(slug="s3-piloten", name_sv="S3-piloten", name_en="The S3 pilot", clusters=[ostersund])
    ProgrammeFactory(slug="demo-programme", is_demo=True, clusters=[demo, stockholm_cluster])
    return ostersund


def result_names(page) -> list[str]:
    return page.locator(".cluster-table tbody th a").all_inner_texts()


def test_a_visitor_finds_a_cluster_and_reads_its_profile_in_both_languages(
    live_server, registry, page, assert_accessible
):
    page.goto(live_server.url + "/")
    assert page.locator("html").get_attribute("lang") == "sv"
    assert page.evaluate("getComputedStyle(document.querySelector('.site-header')).borderTopWidth") == "6px"
    assert_accessible(page)

    page.locator(".site-nav a[href='/kluster/']").click()
    page.wait_for_url("**/kluster/")
    assert result_names(page) == ["Alfa Stockholm", "Demo Lyon Cluster", "Östersund Kluster"]
    assert page.locator(".cluster-table .badge-demo").count() == 1
    assert_accessible(page)

    page.select_option("#f-region", "23")
    page.locator(".filter-form button[type=submit]").click()
    page.wait_for_url("**/kluster/?*region=23*")
    assert result_names(page) == ["Östersund Kluster"]
    assert_accessible(page)

    page.select_option("#f-region", "")
    page.fill("#f-q", "ÖSTER")
    page.locator(".filter-form button[type=submit]").click()
    page.wait_for_url("**q=%C3%96STER*")
    assert result_names(page) == ["Östersund Kluster"]

    page.get_by_role("link", name="Östersund Kluster").click()
    page.wait_for_url("**/kluster/ostersund-kluster/")
    assert page.locator("h1").inner_text() == "Östersund Kluster"
    members = page.locator("section[aria-labelledby=members-title]")
    assert members.locator("tfoot td").inner_text() == "4"
    assert page.locator(".checklist li").count() == 4
    assert "Hållbar turism" in page.locator("section[aria-labelledby=s3-title]").inner_text()
    assert_accessible(page)

    page.locator(".language-switch a[hreflang=en]").click()
    page.wait_for_url("**/en/kluster/ostersund-kluster/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert "Jämtland County" in page.locator(".profile-facts").inner_text()
    assert "Sustainable tourism" in page.locator("section[aria-labelledby=s3-title]").inner_text()
    assert_accessible(page)


def test_the_first_tab_reaches_the_skip_link_and_it_moves_focus_to_main(live_server, registry, page):
    page.goto(live_server.url + "/kluster/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    assert page.locator(".skip-link").bounding_box()["y"] >= 0  # shown on focus, not left off-screen
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


@pytest.mark.parametrize(
    "path",
    [
        "/regioner/",
        "/regioner/23/",
        "/program/",
        "/program/s3-piloten/",
        "/program/demo-programme/",
        "/en/regioner/23/",
    ],
)
def test_region_and_programme_pages_have_no_serious_accessibility_violations(
    live_server, registry, page, assert_accessible, path
):
    page.goto(live_server.url + path)
    assert page.locator("h1").count() == 1
    assert_accessible(page)


def test_the_directory_is_usable_on_a_phone_sized_screen(live_server, registry, page, assert_accessible):
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(live_server.url + "/kluster/?demo=only")
    assert result_names(page) == ["Demo Lyon Cluster"]
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert_accessible(page)
