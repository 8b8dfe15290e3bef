"""End to end: manager A publishes a partner search through the form; manager B opens it and expresses interest with
a message, and does not see A's contact details; A accepts; then A sees B's contact e-mail and B sees A's. Every page
visited is checked with axe-core."""

import pytest

from klusterplattform.matchmaking.models import PartnerInterest, PartnerSearch
from klusterplattform.registry.tests.factories import ClusterFactory, ContactPersonFactory, RegionFactory
from tests.browser.people import make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

A_CONTACT, B_CONTACT = "kontakt@vastra-textil.example.org", "contact@lyon-fibres.example.org"
A_MANAGER, B_MANAGER = "anna@vastra-textil.example.org", "bruno@lyon-fibres.example.org"


def test_a_manager_publishes_another_expresses_interest_and_after_acceptance_both_see_the_contact(
    live_server, person_tab, assert_accessible
):
    cluster_a = ClusterFactory(name="Västra Textilklustret", slug="vastra-textil", regions=[RegionFactory(code="14")])
    cluster_b = ClusterFactory(
        name="Lyon Fibres", slug="lyon-fibres", country="FR", regions=[RegionFactory(code="FRK2", country="FR")]
    )
    ContactPersonFactory(cluster=cluster_a, name="Karin Kontakt", email=A_CONTACT)
    ContactPersonFactory(cluster=cluster_b, name="Claire Contact", email=B_CONTACT)
    make_user(A_MANAGER, "cluster_manager", clusters=["vastra-textil"])
    make_user(B_MANAGER, "cluster_manager", clusters=["lyon-fibres"])

    a = person_tab(A_MANAGER, "/en/partnersok/")
    a.get_by_role("link", name="Publish a partner search").first.click()
    a.wait_for_url("**/en/partnersok/ny/")
    assert_accessible(a)
    a.get_by_label("Title").fill("Partners for fibre-to-fibre recycling")
    a.get_by_label("What we offer").fill("Pilot plants for sorting and recycling textile fibres.")
    a.get_by_label("What we seek").fill("Research partners and SMEs in chemical recycling.")
    a.get_by_label("Research and education").check()
    a.get_by_label("Countries sought").select_option("FR")
    a.get_by_label("Purpose").select_option("project")
    a.get_by_role("button", name="Publish the partner search").click()
    a.wait_for_url("**/en/partnersok/*/")
    post = PartnerSearch.objects.get()
    assert (post.cluster_id, post.partner_types, post.countries_sought) == (cluster_a.pk, ["research"], ["FR"])
    assert "The partner search is published." in a.content()
    assert_accessible(a)

    b = person_tab(B_MANAGER, f"/en/partnersok/{post.pk}/")
    assert A_CONTACT not in b.content() and A_MANAGER not in b.content()
    b.get_by_role("link", name="Express interest").click()
    b.wait_for_url(f"**/en/partnersok/{post.pk}/intresse/")
    assert_accessible(b)
    b.get_by_label("Message").fill("We run a chemical recycling pilot in Lyon and seek textile partners.")
    b.get_by_role("button", name="Send the interest").click()
    b.wait_for_url(f"**/en/partnersok/{post.pk}/")
    assert "Waiting for an answer" in b.content()
    assert A_CONTACT not in b.content() and A_MANAGER not in b.content()
    assert_accessible(b)

    a.reload()
    assert "chemical recycling pilot in Lyon" in a.content()
    assert B_CONTACT not in a.content() and B_MANAGER not in a.content()
    assert_accessible(a)
    a.get_by_role("button", name="Accept Lyon Fibres").click()
    a.wait_for_url(f"**/en/partnersok/{post.pk}/")
    assert PartnerInterest.objects.get().status == "accepted"
    assert B_CONTACT in a.content() and B_MANAGER in a.content()
    assert_accessible(a)

    b.reload()
    assert A_CONTACT in b.content() and A_MANAGER in b.content()
    assert_accessible(b)
    b.goto(f"{live_server.url}/en/partnersok/mina/")
    assert A_CONTACT in b.content()
    assert_accessible(b)
