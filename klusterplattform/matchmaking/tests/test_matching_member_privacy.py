"""Belonging to a cluster is a fact of that cluster's member register: a member-organisation match names, and is
carried by, only a cluster whose members the user may see — a cluster manager's own — even when the organisation is
also a member of a cluster that matches better. Officers see every register."""

import pytest
from django.utils import translation

from klusterplattform.matchmaking.matching import indexing, need, service
from klusterplattform.registry.tests.factories import MembershipFactory, OrganisationFactory

from .world import build_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def shared_member():
    world = build_world()
    world.cluster_b.strengths = "Circular fibre recycling"  # B matches the need; A does not
    world.cluster_b.save()
    organisation = OrganisationFactory(name="Shared Member AB")
    MembershipFactory(cluster=world.cluster_a, organisation=organisation)
    MembershipFactory(cluster=world.cluster_b, organisation=organisation)
    for kind in ("cluster", "organisation"):
        indexing.rebuild(kind)
    return world, organisation


def _match(user, organisation):
    page = service.find(user, need.for_text("fibre recycling"), "organisation")
    return next(m for m in page.matches if m.object.pk == organisation.pk)


def test_a_manager_sees_their_member_carried_by_their_own_cluster_not_by_another_register(shared_member):
    world, organisation = shared_member

    with translation.override("en"):
        match = _match(world.manager_a, organisation)

    assert match.via_cluster == world.cluster_a
    texts = " ".join(r.text for r in match.reasons)
    assert world.cluster_b.name not in texts


def test_an_officer_sees_the_member_carried_by_the_best_matching_cluster(shared_member):
    world, organisation = shared_member

    with translation.override("en"):
        match = _match(world.officer, organisation)

    assert match.via_cluster == world.cluster_b
    assert any(r.code == "member_of" and world.cluster_b.name in r.text for r in match.reasons)


def test_unpublishing_a_cluster_takes_it_out_of_the_next_ranking_although_rankings_are_kept_per_process(
    django_capture_on_commit_callbacks,
):
    world = build_world(prefix="pub")
    world.cluster_b.strengths = "Circular fibre recycling"
    world.cluster_b.save()
    indexing.rebuild("cluster")
    wanted = need.for_text("fibre recycling")
    assert world.cluster_b.pk in service.rank_clusters(wanted).scores

    with django_capture_on_commit_callbacks(execute=True):
        world.cluster_b.is_published = False
        world.cluster_b.save()

    assert world.cluster_b.pk not in service.rank_clusters(wanted).scores
