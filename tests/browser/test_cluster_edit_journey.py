"""End to end: a cluster manager edits their own profile and member register, and is refused another cluster."""

import pytest

from klusterplattform.accounts.models import User
from klusterplattform.registry.grants import grant_role
from klusterplattform.registry.tests.factories import (
    ClusterFactory,
    MembershipFactory,
    OrganisationFactory,
    RegionFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "a-Long-enough-passphrase"


def test_a_manager_edits_their_own_profile_and_is_refused_another_clusters(live_server, page, assert_accessible):
    county = RegionFactory(code="07", name_sv="Kronobergs län", name_en="Kronoberg County")
    ClusterFactory(name="Smålands Trä", slug="smalands-tra", description="Trä från Småland.", regions=[county])
    ClusterFactory(name="Annat Kluster", slug="annat-kluster", regions=[county])
    manager = User.objects.create_user(email="klusterledare@example.org", password=PASSWORD)
    grant_role(manager, "cluster_manager", clusters=["smalands-tra"])

    page.goto(live_server.url + "/en/konto/logga-in/?next=/en/kluster/smalands-tra/")
    assert_accessible(page)
    page.get_by_label("E-mail address").fill("klusterledare@example.org")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(live_server.url + "/en/kluster/smalands-tra/")
    assert_accessible(page)

    page.get_by_role("link", name="Edit profile").click()
    page.wait_for_url("**/en/kluster/smalands-tra/redigera/")
    assert page.get_by_role("heading", level=1).inner_text() == "Edit the profile of Smålands Trä"
    assert_accessible(page)
    page.get_by_label("Description").fill("Wood from Småland, now for the whole of Europe.")
    page.get_by_role("button", name="Save profile").click()

    page.wait_for_url(live_server.url + "/en/kluster/smalands-tra/")
    assert page.get_by_role("status").inner_text() == "The profile of Smålands Trä is saved."
    assert page.get_by_text("Wood from Småland, now for the whole of Europe.").is_visible()
    assert_accessible(page)

    response = page.goto(live_server.url + "/en/kluster/annat-kluster/redigera/")
    assert response.status == 403
    assert page.get_by_role("heading", level=1).inner_text() == "You may not do this"
    assert page.get_by_role("link", name="Back to the profile of Annat Kluster").is_visible()
    assert_accessible(page)


def test_a_manager_adds_a_member_and_ends_a_membership(live_server, page, assert_accessible):
    county = RegionFactory(code="07")
    cluster = ClusterFactory(name="Smålands Trä", slug="smalands-tra", regions=[county])
    MembershipFactory(cluster=cluster, organisation=OrganisationFactory(name="Alfa Snickeri AB"))
    OrganisationFactory(key="SE:556677-8899", name="Beta Trähus AB", organisation_number="556677-8899")
    manager = User.objects.create_user(email="klusterledare@example.org", password=PASSWORD)
    grant_role(manager, "cluster_manager", clusters=["smalands-tra"])

    page.goto(live_server.url + "/en/konto/logga-in/?next=/en/kluster/smalands-tra/")
    page.get_by_label("E-mail address").fill("klusterledare@example.org")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.get_by_role("link", name="Manage members").click()
    page.wait_for_url("**/en/kluster/smalands-tra/medlemmar/")
    assert_accessible(page)

    page.get_by_label("Organisation").fill("5566778899")
    page.get_by_role("button", name="Add member").click()
    page.wait_for_url("**/en/kluster/smalands-tra/medlemmar/")
    assert "Beta Trähus AB is now recorded as a member" in page.get_by_role("status").inner_text()
    assert page.get_by_role("row", name="Beta Trähus AB").is_visible()

    page.get_by_role("link", name="End membership of Alfa Snickeri AB").click()
    page.wait_for_url("**/avsluta/")
    assert_accessible(page)
    page.get_by_role("button", name="End membership").click()
    page.wait_for_url("**/en/kluster/smalands-tra/medlemmar/")
    assert "The membership of Alfa Snickeri AB ends on" in page.get_by_role("status").inner_text()
    assert page.get_by_role("row", name="Alfa Snickeri AB").count() == 0
    assert_accessible(page)
