"""The demo step "partner_searches": fictional posts of demo clusters with interest in every state, kept out of the
real list, visible with include_demo, and removable."""

from io import StringIO

import pytest
from django.core.management import call_command

from klusterplattform.matchmaking.matching import indexing
from klusterplattform.matchmaking.matching.text import stems
from klusterplattform.matchmaking.models import (
    MatchDocument,
    MatchIndexState,
    MatchTermStat,
    PartnerInterest,
    PartnerSearch,
)
from klusterplattform.registry.demo import remove_demo
from klusterplattform.registry.models import ClusterOrganisation, Organisation
from klusterplattform.registry.reference import load_reference
from klusterplattform.registry.tests.factories import ClusterFactory

SMALL = {"clusters": 40, "organisations": 600}


@pytest.fixture
def demo(db, settings):
    settings.KP_ALLOW_DEMO = True
    load_reference()
    call_command("load_demo", stdout=StringIO(), **SMALL)


def test_the_demo_posts_are_fictional_and_belong_to_demo_clusters_only(demo):
    posts = list(PartnerSearch.objects.select_related("cluster"))
    assert len(posts) == 6
    assert all(post.cluster.is_demo and "(demo" in post.title and post.search_text for post in posts)
    assert {post.status for post in posts} == {"open", "closed", "expired"}
    assert {post.purpose for post in posts} == {"funding_call", "trade_mission", "value_chain", "project"}
    assert PartnerSearch.objects.get(purpose="funding_call").funding_call.identifier == "DEMO-EU-JCI-2027-01"
    assert {post.cluster.country == "SE" for post in posts} == {True, False}
    interests = PartnerInterest.objects.select_related("cluster", "post")
    assert {i.status for i in interests} == {"pending", "accepted", "declined", "withdrawn"}
    assert all(i.cluster.is_demo and i.cluster_id != i.post.cluster_id for i in interests)
    assert all(i.decided_at for i in interests if i.status in ("accepted", "declined"))


def test_the_demo_posts_stay_out_of_the_real_list(demo, client):
    real = ClusterFactory(slug="real-cluster")
    assert not real.is_demo
    assert client.get("/api/v1/partner-searches").json()["count"] == 0
    shown = client.get("/api/v1/partner-searches", {"include_demo": "true"}).json()
    assert shown["count"] == 4 and all(row["is_demo"] for row in shown["results"])


def test_the_step_runs_once_and_its_records_are_removable(demo, settings):
    call_command("load_demo", stdout=StringIO(), **SMALL)
    assert PartnerSearch.objects.count() == 6
    remove_demo()
    assert not PartnerSearch.objects.exists() and not PartnerInterest.objects.exists()


def test_the_demo_ends_with_a_match_index_of_every_demo_cluster_and_organisation(demo):

    demo_clusters = set(ClusterOrganisation.objects.filter(is_demo=True).values_list("pk", flat=True))
    demo_organisations = set(Organisation.objects.filter(is_demo=True).values_list("pk", flat=True))
    indexed = MatchDocument.objects.filter(is_demo=True)

    assert set(indexed.filter(kind="cluster").values_list("object_id", flat=True)) == demo_clusters
    assert set(indexed.filter(kind="organisation").values_list("object_id", flat=True)) == demo_organisations
    assert MatchIndexState.objects.get(kind="organisation").documents == Organisation.objects.count()


def test_removing_the_demo_drops_its_match_documents_and_recounts_the_index(demo):

    real = ClusterFactory(slug="real-indexed", strengths="Zyxwind logistics")
    indexing.update("cluster", [real.pk])

    remove_demo()

    real_ids = set(ClusterOrganisation.objects.filter(is_demo=False).values_list("pk", flat=True))
    assert real.pk in real_ids
    assert set(MatchDocument.objects.values_list("object_id", flat=True)) == real_ids
    assert MatchIndexState.objects.get(kind="cluster").documents == len(real_ids)
    assert MatchIndexState.objects.get(kind="organisation").documents == 0
    [term] = list(stems("Zyxwind"))
    assert MatchTermStat.objects.get(kind="cluster", term=term).documents == 1
    assert not MatchTermStat.objects.filter(kind="organisation").exists()


def test_each_demo_post_seeks_its_own_field_and_comes_from_a_cluster_in_it_when_the_demo_has_one(demo):
    textiles = PartnerSearch.objects.get(title="Partner för cirkulära textilier (demo)")
    assert list(textiles.ecosystems.values_list("code", flat=True)) == ["textiles"]
    checked = 0
    for post in PartnerSearch.objects.select_related("cluster"):
        field = list(post.ecosystems.values_list("code", flat=True))
        if ClusterOrganisation.objects.filter(is_demo=True, ecosystems__code__in=field).exists():
            assert post.cluster.ecosystems.filter(code__in=post.ecosystems.values("code")).exists(), post.title
            checked += 1
    assert checked  # the small demo has clusters in some of the posts' fields
