"""End to end: a cluster manager starts, fills in and submits a self-assessment; an officer assigns the assessor;
the assessor comments and validates it; then the benchmark opens. Every page visited is checked with axe-core."""

import pytest

from klusterplattform.excellence.tests.factories import RoundFactory, small_catalogue
from klusterplattform.registry.tests.factories import ClusterFactory, ProgrammeFactory, RegionFactory
from tests.browser.people import make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PDF = b"%PDF-1.4\n% strategy\n"


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    """Uploaded evidence goes to a temporary directory, not var/media."""
    settings.MEDIA_ROOT = tmp_path


def _group(tab, legend):
    return tab.get_by_role("group", name=legend)


def test_a_self_assessment_goes_from_start_to_validation_and_benchmark(live_server, person_tab, assert_accessible):
    county = RegionFactory(code="07")
    cluster = ClusterFactory(name="Smålands Trä", slug="smalands-tra", regions=[county])
    programme = ProgrammeFactory(slug="s3-piloten", name_en="S3 pilot", clusters=[cluster])
    RoundFactory(
        slug="bronze-2026", name_en="Bronze benchmarking 2026", programme=programme, catalogue=small_catalogue()
    )
    make_user("klusterledare@example.org", "cluster_manager", clusters=["smalands-tra"])
    make_user("handlaggare@example.org", "officer")
    make_user("bedomare@example.org", "assessor")

    # The manager starts the assessment from the round.
    manager = person_tab("klusterledare@example.org", "/en/bedomningsomgangar/")
    manager.get_by_role("link", name="Bronze benchmarking 2026").click()
    manager.wait_for_url("**/en/bedomningsomgangar/bronze-2026/")
    assert_accessible(manager)
    manager.get_by_role("button", name="Start the self-assessment of Smålands Trä").click()
    manager.wait_for_url("**/en/bedomningar/*/")
    assert "The self-assessment of Smålands Trä is started." in manager.get_by_role("status").inner_text()
    overview = manager.url
    assert_accessible(manager)

    # Every area, one after the other.
    manager.get_by_role("link", name="Fill in the answers").click()
    manager.wait_for_url("**/omrade/structure/")
    assert_accessible(manager)
    manager.get_by_label("S1 Question 0?").fill("12,5")
    manager.get_by_label("S2 Question 1?").fill("40")
    manager.get_by_role("button", name="Save and go to the next area").click()
    manager.wait_for_url("**/omrade/governance/")
    assert_accessible(manager)
    _group(manager, "G1 Question 2?").get_by_label("Some").check()
    _group(manager, "G2 Question 3?").get_by_label("None").check()
    _group(manager, "G2 Question 3?").get_by_label("Full").check()
    manager.get_by_role("button", name="Save and go to the next area").click()
    manager.wait_for_url("**/omrade/financing/")
    assert_accessible(manager)
    _group(manager, "F1 Question 4?").get_by_label("Yes").check()
    manager.get_by_label("F2 Question 5?").fill("Three success stories.")
    manager.get_by_label("F3 Question 6?").set_input_files(
        files=[{"name": "strategy.pdf", "mimeType": "application/pdf", "buffer": PDF}]
    )
    manager.get_by_role("button", name="Save answers").click()
    manager.wait_for_url("**/omrade/financing/")
    assert manager.get_by_role("status").inner_text() == "Your answers are saved."
    assert manager.get_by_role("link", name="strategy.pdf", exact=True).is_visible()
    assert_accessible(manager)

    # Completeness, then submit after confirming.
    manager.get_by_role("link", name="Back to the overview").click()
    manager.wait_for_url(overview)
    assert "Every required indicator is answered." in manager.locator("main").inner_text()
    assert manager.get_by_text("Financing of the cluster management: 3 of 3 answered").is_visible()
    assert manager.get_by_role("progressbar", name="Structure of the cluster: 2 of 2 answered").is_visible()
    manager.get_by_role("link", name="Submit", exact=True).click()
    manager.wait_for_url("**/submit/")
    assert_accessible(manager)
    manager.get_by_role("button", name="Submit").click()
    manager.wait_for_url(overview)
    assert "The self-assessment is submitted." in manager.get_by_role("status").inner_text()
    assert_accessible(manager)
    path = overview.removeprefix(live_server.url)

    # The officer assigns the assessor.
    officer = person_tab("handlaggare@example.org", path)
    officer.get_by_role("link", name="Assign an assessor").click()
    officer.wait_for_url("**/assign/")
    assert_accessible(officer)
    officer.get_by_label("Assessor").select_option(label="Bedomare")
    officer.get_by_role("button", name="Assign an assessor").click()
    officer.wait_for_url(overview)
    assert "Bedomare is now the assessor of this self-assessment." in officer.get_by_role("status").inner_text()

    # The assessor comments on an indicator and validates.
    assessor = person_tab("bedomare@example.org", "/en/bedomningar/")
    assessor.get_by_role("link", name="Smålands Trä").click()
    assessor.wait_for_url(overview)
    assessor.get_by_label("Indicator", exact=True).select_option(label="S1 Question 0?")
    assessor.get_by_label("Comment", exact=True).fill("Where does the 12.5 come from?")
    assessor.get_by_role("button", name="Add comment").click()
    assessor.wait_for_url(overview + "#comments")
    assert assessor.get_by_text("Where does the 12.5 come from?").is_visible()
    assert_accessible(assessor)
    assessor.get_by_role("link", name="Validate", exact=True).click()
    assessor.wait_for_url("**/validate/")
    assert_accessible(assessor)
    assessor.get_by_role("button", name="Validate").click()
    assessor.wait_for_url(overview)
    assert "validated and frozen as version 1" in assessor.get_by_role("status").inner_text()
    assert_accessible(assessor)

    # The benchmark of the validated assessment.
    assessor.get_by_role("link", name="Benchmark against peers").click()
    assessor.wait_for_url("**/benchmark/")
    assert assessor.get_by_role("heading", level=1).is_visible()
    assert_accessible(assessor)
