"""End to end: a cluster manager fills in and submits an application with an attachment, the regional officer
confirms the cluster's S3 priority, the officer sends it to review and assigns two reviewers, both declare no
conflict of interest and score it, the officer reads the ranking and selects it, and the cluster appears in the
programme. Every page visited is checked with axe-core."""

import pytest

from klusterplattform.calls.models import Application
from klusterplattform.calls.tests.calls_world import make_call, make_criteria
from klusterplattform.registry.models import ProgrammeParticipation, S3PriorityArea
from klusterplattform.registry.tests.factories import ClusterFactory, ProgrammeFactory, RegionFactory
from tests.browser.people import make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PDF = b"%PDF-1.4\n% strategy\n%%EOF\n"


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def _fill_application(page, tmp_path):
    page.get_by_label("The cluster organisation's mission and goals").fill("Stronger textile companies.")
    page.get_by_label("Staff (full-time equivalents)").fill("3")
    page.get_by_label("Number of members").fill("85")
    page.get_by_label("Priority area in the region's strategy").fill("Hållbara material")
    page.get_by_label("How does the cluster contribute to the strategy?").fill("Circular fibre projects.")
    page.get_by_label("Strategy and governance").check()
    page.get_by_label("Goals for the period").fill("Silver label and two EU projects.")
    page.get_by_label("Occasional collaborations").check()
    page.get_by_label("Item, row 1").fill("Study visit")
    page.get_by_label("Amount (SEK), row 1").fill("120000")
    strategy = tmp_path / "strategy.pdf"
    strategy.write_bytes(PDF)
    page.get_by_label("Strategy document", exact=False).set_input_files(str(strategy))


def test_an_application_goes_from_draft_to_a_selected_participant(live_server, person_tab, assert_accessible, tmp_path):
    region = RegionFactory(code="14")
    S3PriorityArea.objects.create(
        region=region, code="vg-material", title_sv="Hållbara material", title_en="Sustainable materials"
    )
    cluster = ClusterFactory(name="Västkustens Textil", slug="vastkustens-textil", regions=[region])
    programme = ProgrammeFactory(slug="s3-pilot-test", name_en="S3 pilot test")
    call = make_call(programme, slug="s3-call")
    make_criteria(call)

    make_user("klusterledare@example.org", "cluster_manager", clusters=["vastkustens-textil"])
    manager = person_tab("klusterledare@example.org", "/en/utlysningar/s3-call/")
    manager.get_by_role("link", name="Start an application").click()
    manager.get_by_role("button", name="Start the application").click()
    manager.wait_for_url("**/redigera/")
    assert_accessible(manager)
    _fill_application(manager, tmp_path)
    manager.get_by_role("button", name="Save the draft").click()
    manager.wait_for_load_state()
    assert_accessible(manager)
    manager.get_by_role("link", name="Back to the application").click()
    manager.get_by_role("button", name="Submit the application").click()
    manager.wait_for_load_state()
    application = Application.objects.get(call=call, cluster=cluster)
    assert application.status == "submitted"
    assert application.files.count() == 1
    assert_accessible(manager)

    make_user("regional@example.org", "regional_officer", regions=["14"])
    regional = person_tab("regional@example.org", "/en/ansokningar/regionala-beslut/")
    regional.get_by_role("link", name="Answer for Västkustens Textil").click()
    assert_accessible(regional)
    regional.get_by_label("S3 priority area").select_option(label="Sustainable materials")
    regional.get_by_role("button", name="Confirm").click()
    regional.wait_for_load_state()
    assert application.endorsements.get().status == "confirmed"

    make_user("handlaggare@example.org", "officer")
    officer = person_tab("handlaggare@example.org", f"/en/ansokningar/{application.pk}/")
    officer.get_by_role("button", name="Start the eligibility check").click()
    officer.wait_for_load_state()
    officer.get_by_role("button", name="Eligible: send to review").click()
    officer.wait_for_load_state()
    application.refresh_from_db()
    assert application.status == "in_review"

    for email in ("granskare1@example.org", "granskare2@example.org"):
        make_user(email, "reviewer")
    officer.goto(f"{live_server.url}/en/utlysningar/s3-call/granskare/")
    assert_accessible(officer)
    officer.get_by_label("Västkustens Textil").check()
    officer.get_by_label("Granskare1").check()
    officer.get_by_label("Granskare2").check()
    officer.get_by_role("button", name="Assign the chosen reviewers").click()
    officer.wait_for_load_state()
    assert application.assignments.count() == 2

    for email, scores in (("granskare1@example.org", ("5", "4")), ("granskare2@example.org", ("4", "3"))):
        reviewer = person_tab(email, "/en/granskning/")
        reviewer.get_by_role("link", name="Västkustens Textil").first.click()
        reviewer.get_by_label("No, I have no conflict of interest").check()
        reviewer.get_by_role("button", name="Declare").click()
        reviewer.wait_for_load_state()
        assert_accessible(reviewer)
        for criterion, score in zip(("Relevance", "Quality"), scores, strict=True):
            section = reviewer.locator("section.review-criterion", has=reviewer.get_by_role("heading", name=criterion))
            section.get_by_role("group", name="Score").get_by_label(score, exact=True).check()
            section.get_by_label("Comment (required)").fill(f"{criterion}: well argued.")
        section = reviewer.locator(
            "section.review-criterion", has=reviewer.get_by_role("heading", name="International capacity")
        )
        section.get_by_role("group", name="Score").get_by_label("n/a").check()
        section.get_by_label("Comment (required)").fill("Not judged in this call.")
        reviewer.get_by_role("button", name="Submit review").click()
        reviewer.wait_for_load_state()
        assert "cannot be changed" in reviewer.content()
        assert_accessible(reviewer)

    officer.goto(f"{live_server.url}/en/utlysningar/s3-call/rangordning/")
    assert "2 / 2" in officer.content()
    assert_accessible(officer)
    officer.goto(f"{live_server.url}/en/ansokningar/{application.pk}/beslut/")
    assert_accessible(officer)
    officer.get_by_label("Selected").check()
    officer.get_by_label("Justification").fill("Strong relevance to the regional strategy.")
    officer.get_by_role("button", name="Record the decision").click()
    officer.wait_for_url(f"**/en/ansokningar/{application.pk}/")
    assert "is selected" in officer.content()
    participation = ProgrammeParticipation.objects.get(programme=programme, cluster=cluster)
    assert participation.status == "selected"
    officer.goto(f"{live_server.url}/en/program/s3-pilot-test/")
    assert "Västkustens Textil" in officer.content()
    assert_accessible(officer)
