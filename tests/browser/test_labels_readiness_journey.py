"""End to end: an officer records an official Bronze label with its certificate and finds it in the register; the
cluster's manager reads the label-readiness estimate and documents three improvement areas; a visitor reads the
indicator catalogue. Every page visited is checked with axe-core."""

import pytest

from klusterplattform.registry.tests.factories import ClusterFactory, RegionFactory
from tests.browser.people import make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CERTIFICATE = b"%PDF-1.4\n% certificate\n%%EOF\n"


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def test_an_officer_records_a_label_and_a_manager_documents_readiness(
    live_server, person_tab, page, assert_accessible, tmp_path
):
    ClusterFactory(name="Västkustens Textil", slug="vastkustens-textil", regions=[RegionFactory(code="14")])

    make_user("handlaggare@example.org", "officer")
    officer = person_tab("handlaggare@example.org", "/en/kluster/vastkustens-textil/")
    officer.get_by_role("link", name="Official labels").click()
    officer.wait_for_url("**/en/kluster/vastkustens-textil/etiketter/")
    assert_accessible(officer)
    officer.get_by_role("link", name="Record a label").click()
    assert_accessible(officer)
    officer.get_by_label("Level").select_option("bronze")
    officer.get_by_label("Assessment date").fill("2025-03-14")
    officer.get_by_label("Report identifier").fill("SWE031202503C0001")
    certificate = tmp_path / "certificate.pdf"
    certificate.write_bytes(CERTIFICATE)
    officer.get_by_label("Certificate (PDF)").set_input_files(str(certificate))
    officer.get_by_role("button", name="Record label").click()
    officer.wait_for_url("**/en/kluster/vastkustens-textil/etiketter/")
    assert "2027-03-14" in officer.content()  # first Bronze: two years from the assessment
    assert_accessible(officer)
    officer.goto(f"{live_server.url}/en/etiketter/?level=bronze")
    assert "Västkustens Textil" in officer.content()
    assert_accessible(officer)

    make_user("klusterledare@example.org", "cluster_manager", clusters=["vastkustens-textil"])
    manager = person_tab("klusterledare@example.org", "/en/kluster/vastkustens-textil/beredskap/")
    assert "An estimate, not an official label" in manager.content()
    manager.get_by_role("link", name="Document the improvement areas").click()
    manager.wait_for_url("**/beredskap/forbattringsomraden/")
    assert_accessible(manager)
    for number, area in enumerate(("strategy", "services", "interaction"), start=1):
        group = manager.get_by_role("group", name=f"Improvement area {number}")
        group.get_by_label("Area").select_option(area)
        group.get_by_label("What changed").fill(f"A new way of working in {area}.")
        group.get_by_label("Effect on the cluster").fill("More participants take part in projects.")
    manager.get_by_role("button", name="Save improvement areas").click()
    manager.wait_for_url("**/en/kluster/vastkustens-textil/beredskap/")
    assert_accessible(manager)

    page.goto(f"{live_server.url}/en/indikatorer/")
    assert_accessible(page)
    page.goto(f"{live_server.url}/en/indikatorer/kp-2026/")
    assert page.get_by_role("heading", level=1).is_visible()
    assert_accessible(page)
