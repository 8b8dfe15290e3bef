"""The shared world helper builds what the partner-search tests rely on."""

import pytest

from klusterplattform.matchmaking.permissions import managed_cluster_ids
from klusterplattform.matchmaking.tests.world import build_world, make_post

pytestmark = pytest.mark.django_db


def test_world_has_three_published_clusters_each_with_a_manager_and_a_contact_e_mail():
    world = build_world()
    for key in "abc":
        cluster = getattr(world, f"cluster_{key}")
        assert cluster.is_published
        assert managed_cluster_ids(getattr(world, f"manager_{key}")) == {cluster.pk}
        assert getattr(world, f"contact_{key}").email.endswith("@example.org")
    assert world.cluster_a.regions.get() != world.cluster_b.regions.get()


def test_make_post_publishes_an_open_post_with_search_text():
    world = build_world()
    post = make_post(world.cluster_a, title="Fibre recycling")
    assert post.author == world.manager_a
    assert post.status == "open"
    assert "fibre recycling" in post.search_text
    assert make_post(world.cluster_b, closed=True).status == "closed"
