"""End to end: a cluster manager registers two people for a workshop with one seat left, one lands on the waiting
list, a cancellation moves them up; the manager reads the programme's news and subscribes to it, and finds their
calendar feed; an officer reads the participation statistics, the needs analysis and the focus areas; a participant
answers the feedback survey through their personal link. Every page visited is checked with axe-core."""

import datetime

import pytest
from django.utils import timezone

from klusterplattform.activities.models import Activity, NewsItem, NewsSubscription, Registration
from klusterplattform.registry.tests.factories import ClusterFactory, ProgrammeFactory, RegionFactory
from tests.browser.people import make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _workshop(programme, days, capacity=1):
    start = timezone.now() + datetime.timedelta(days=days)
    return Activity.objects.create(
        programme=programme,
        type="workshop",
        title_sv="Verkstad om ledarskap",
        title_en="Workshop on leadership",
        description_en="Leading without a mandate.",
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=3),
        place="Linköping",
        capacity=capacity,
    )


def test_a_manager_registers_two_people_and_a_cancellation_moves_the_waiting_one_up(
    live_server, person_tab, page, assert_accessible
):
    cluster = ClusterFactory(name="Östgöta Ledarskap", slug="ostgota-ledarskap", regions=[RegionFactory(code="05")])
    programme = ProgrammeFactory(slug="s3-test", name_en="S3 test programme", clusters=[cluster])
    activity = _workshop(programme, days=20)
    NewsItem.objects.create(
        programme=programme,
        title_sv="Anmälan är öppen",
        title_en="Registration is open",
        body_sv="Välkommen.",
        body_en="Welcome.",
        published_at=timezone.now() - datetime.timedelta(hours=1),
    )

    make_user("klusterledare@example.org", "cluster_manager", clusters=["ostgota-ledarskap"])
    manager = person_tab("klusterledare@example.org", f"/en/aktiviteter/{activity.pk}/")
    manager.get_by_label("Name of person 1").fill("Alva Andersson")
    manager.get_by_label("E-mail of person 1").fill("alva@example.org")
    manager.get_by_label("Name of person 2").fill("Bo Berg")
    manager.get_by_label("E-mail of person 2").fill("bo@example.org")
    manager.get_by_role("button", name="Register").click()
    manager.wait_for_url(f"**/en/aktiviteter/{activity.pk}/")
    assert "1 registered with a confirmed seat, 1 on the waiting list." in manager.content()
    assert "number 1 in the queue" in manager.content()
    assert_accessible(manager)
    assert Registration.objects.get(email="bo@example.org").status == "waiting"

    manager.get_by_role("link", name="Cancel the registration of Alva Andersson").click()
    manager.wait_for_url("**/avboka/")
    assert_accessible(manager)
    manager.get_by_role("button", name="Cancel the registration").click()
    manager.wait_for_url(f"**/en/aktiviteter/{activity.pk}/")
    assert "1 moved up from the waiting list" in manager.content()
    assert_accessible(manager)
    bo = Registration.objects.get(email="bo@example.org")
    assert bo.status == "confirmed" and bo.promoted_at is not None
    assert Registration.objects.get(email="alva@example.org").status == "cancelled"

    manager.goto(f"{live_server.url}/en/program/s3-test/aktuellt/")
    assert "Registration is open" in manager.content()
    assert_accessible(manager)
    manager.get_by_role("button", name="Get the news by e-mail").click()
    manager.wait_for_url("**/en/program/s3-test/aktuellt/")
    assert NewsSubscription.objects.filter(programme=programme, user__email="klusterledare@example.org").exists()
    manager.goto(f"{live_server.url}/en/aktiviteter/kalender/")
    assert ".ics" in manager.content()
    assert_accessible(manager)

    make_user("handlaggare@example.org", "officer")
    officer = person_tab("handlaggare@example.org", "/en/program/s3-test/")
    officer.goto(f"{live_server.url}/en/program/s3-test/deltagande/")
    assert_accessible(officer)
    officer.goto(f"{live_server.url}/en/program/s3-test/behovsanalys/")
    assert_accessible(officer)
    officer.goto(f"{live_server.url}/en/program/s3-test/fokusomraden/")
    assert "Internationalisation" in officer.content()
    assert_accessible(officer)
    officer.goto(f"{live_server.url}/en/aktiviteter/{activity.pk}/")
    assert "Bo Berg" in officer.content()
    assert_accessible(officer)

    # After the activity, the promoted participant answers the survey through their personal link.
    Activity.objects.filter(pk=activity.pk).update(
        starts_at=timezone.now() - datetime.timedelta(hours=4), ends_at=timezone.now() - datetime.timedelta(hours=1)
    )
    page.goto(f"{live_server.url}/en/aktiviteter/aterkoppling/{bo.token}/")
    assert_accessible(page)
    page.get_by_role("group", name="How satisfied are you with the activity overall?").get_by_label("5").check()
    page.get_by_role("button", name="Send feedback").click()
    page.wait_for_load_state()
    assert_accessible(page)
    assert activity.feedback.count() == 1


def test_an_officer_reads_the_demo_programmes_needs_analysis_and_exports_it(
    live_server, person_tab, settings, assert_accessible
):
    from io import StringIO

    from django.core.management import call_command

    from klusterplattform.registry.reference import load_reference

    settings.KP_ALLOW_DEMO = True
    load_reference()
    call_command("load_demo", stdout=StringIO(), clusters=40, organisations=600)

    make_user("handlaggare@example.org", "officer")
    officer = person_tab("handlaggare@example.org", "/en/program/demo-programme/")
    officer.get_by_role("link", name="Needs analysis").first.click()
    officer.wait_for_url("**/behovsanalys/**")
    assert officer.locator("svg").count() >= 1
    assert "Internationalisation" in officer.content()
    assert_accessible(officer)
    with officer.expect_download() as download:
        officer.get_by_role("link", name="Download as a spreadsheet (XLSX)").click()
    assert download.value.suggested_filename.endswith(".xlsx")
    officer.goto(f"{live_server.url}/en/program/demo-programme/deltagande/")
    assert_accessible(officer)
    officer.goto(f"{live_server.url}/en/program/demo-programme/effekt/")
    assert "not proof" in officer.content()
    assert_accessible(officer)
    officer.goto(f"{live_server.url}/en/aktiviteter/?programme=demo-programme")
    assert_accessible(officer)
