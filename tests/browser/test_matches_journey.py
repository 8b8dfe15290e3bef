"""End to end: a cluster manager opens their partner search, follows "Find partners", sees the fibre-recycling cluster
first with the reason for it, switches to the member organisations of their own cluster, gives one a thumbs up and
sees the vote recorded. Every page visited is checked with axe-core."""

import pytest

from klusterplattform.matchmaking.models import MatchFeedback
from klusterplattform.matchmaking.tests.matches_world import rebuild_index
from klusterplattform.matchmaking.tests.world import make_post
from klusterplattform.registry.tests.factories import (
    ClusterFactory,
    EcosystemFactory,
    MembershipFactory,
    OrganisationFactory,
    RegionFactory,
)
from tests.browser.people import make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

A_MANAGER = "anna@vastra-textil.example.org"


def test_a_manager_finds_partners_for_a_post_and_votes_on_a_member_organisation(
    live_server, person_tab, assert_accessible
):
    textiles = EcosystemFactory(code="journey-textiles", name_sv="Textil", name_en="Textiles")
    cluster_a = ClusterFactory(
        name="Västra Textilklustret",
        slug="vastra-textil",
        regions=[RegionFactory(code="14")],
        description="Design of garments and fashion brands.",
        ecosystems=[textiles],
    )
    cluster_b = ClusterFactory(
        name="Lyon Fibres",
        slug="lyon-fibres",
        country="FR",
        regions=[RegionFactory(code="FRK2", country="FR")],
        description="Fibre recycling and automated textile sorting plants.",
        strengths="Chemical fibre recycling and textile sorting technology.",
        ecosystems=[textiles],
    )
    ClusterFactory(name="Battery Valley", slug="battery-valley", description="Battery cells and cell chemistry.")
    sorting = OrganisationFactory(name="Nordic Sorting AB", type="research")
    for cluster in (cluster_a, cluster_b):
        MembershipFactory(cluster=cluster, organisation=sorting)
    MembershipFactory(cluster=cluster_a, organisation=OrganisationFactory(name="Garment Studio AB"))
    make_user(A_MANAGER, "cluster_manager", clusters=["vastra-textil"])
    post = make_post(
        cluster_a,
        title="Partners for fibre-to-fibre recycling",
        seek="Clusters with fibre recycling and textile sorting plants.",
        ecosystems=[textiles],
    )
    rebuild_index()

    a = person_tab(A_MANAGER, f"/en/partnersok/{post.pk}/")
    a.get_by_role("link", name="Find partners").click()
    a.wait_for_url(f"**/en/matchning/?post={post.pk}")
    assert_accessible(a)
    first = a.locator("ol.card-list > li").first
    assert first.get_by_role("heading").inner_text() == "Lyon Fibres"
    assert "Their strength “Chemical fibre recycling and textile sorting technology” matches your need" in (
        first.inner_text()
    )
    assert " of 100" in first.inner_text() and "points)" in first.inner_text()

    a.get_by_role("link", name="Member organisations").click()
    a.wait_for_url(f"**/en/matchning/?post={post.pk}&tab=organisations")
    assert_accessible(a)
    assert a.get_by_role("link", name="Member organisations").get_attribute("aria-current") == "page"
    member = a.locator("ol.card-list > li").first
    assert member.get_by_role("heading").inner_text() == "Nordic Sorting AB"
    # It is also in Lyon Fibres' register, which a manager of Västra Textilklustret may not see: only their own
    # cluster is named.
    assert "via Västra Textilklustret" in member.inner_text() and "Lyon Fibres" not in member.inner_text()

    member.get_by_role("button", name="Good match: Nordic Sorting AB").click()
    a.wait_for_url(f"**/en/matchning/?post={post.pk}&tab=organisations#match-organisation-{sorting.pk}")
    assert "Thank you: you marked it as a good match." in a.content()
    voted = a.locator(f"#match-organisation-{sorting.pk}")
    assert "Your vote: a good match." in voted.inner_text()
    assert voted.get_by_role("button", name="Good match: Nordic Sorting AB").get_attribute("aria-pressed") == "true"
    assert_accessible(a)
    feedback = MatchFeedback.objects.get()
    assert (feedback.subject, feedback.candidate_kind, feedback.candidate_id, feedback.vote) == (
        "post",
        "organisation",
        sorting.pk,
        1,
    )
    assert feedback.reasons and feedback.score > 0
