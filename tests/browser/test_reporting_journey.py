"""End to end: an officer signs in, opens the programme dashboard (Swedish) and sees the number of clusters, switches
to English with the site's language switcher, sees the English dashboard with the same figure, and downloads the
programme report as a PDF. Every page visited is checked with axe-core."""

import datetime
from urllib.parse import quote

import pytest

from klusterplattform.registry.tests.factories import (
    ClusterFactory,
    MembershipFactory,
    OrganisationFactory,
    ProgrammeFactory,
    RegionFactory,
)
from tests.browser.people import PASSWORD, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

OFFICER = "olle@tillvaxtverket.example.org"
QUERY = "?programme=resa-program&as_of=2025-06-30"


def _programme():
    north, south = RegionFactory(code="25"), RegionFactory(code="12")
    programme = ProgrammeFactory(slug="resa-program", name_sv="Resans program", name_en="The journey programme")
    clusters = [
        ClusterFactory(name="Norrklustret", slug="norr", regions=[north]),
        ClusterFactory(name="Söderklustret", slug="soder", regions=[south]),
        ClusterFactory(name="Mittklustret", slug="mitt", regions=[south]),
    ]
    for cluster in clusters:
        programme.participations.create(cluster=cluster, selected_on=datetime.date(2019, 1, 1))
        MembershipFactory(cluster=cluster, organisation=OrganisationFactory(type="sme"))
    return programme


def test_an_officer_reads_the_dashboard_switches_to_english_and_downloads_the_report(
    live_server, page, assert_accessible
):
    _programme()
    make_user(OFFICER, "officer")

    page.goto(f"{live_server.url}/konto/logga-in/?next={quote('/uppfoljning/' + QUERY)}")
    assert_accessible(page)
    page.locator("input[name=email]").fill(OFFICER)
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(f"{live_server.url}/uppfoljning/{QUERY}")
    assert page.locator("html").get_attribute("lang") == "sv"
    assert_accessible(page)
    assert page.locator("[data-figure=clusters]").inner_text() == "3"
    assert "Resans program" in page.locator("main").inner_text()

    page.locator(".language-switch a[hreflang=en]").click()
    page.wait_for_url(f"{live_server.url}/en/uppfoljning/{QUERY}")
    assert page.locator("html").get_attribute("lang") == "en"
    assert_accessible(page)
    assert page.get_by_role("heading", level=1).inner_text().startswith("Programme follow-up")
    assert "The journey programme" in page.locator("main").inner_text()
    assert page.locator("[data-figure=clusters]").inner_text() == "3"

    with page.expect_download() as download_info:
        page.locator(".export-links").first.get_by_role("link", name="PDF").click()
    download = download_info.value
    assert download.suggested_filename == "programme-report-resa-program-2025-06-30-en.pdf"
    with open(download.path(), "rb") as handle:
        assert handle.read(5) == b"%PDF-"
