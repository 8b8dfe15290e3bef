"""The match index: profile changes re-index the changed documents when their transaction commits (no rebuild per
request), deletions remove documents, a membership change moves an organisation, the member import's signal, the
statistics after updates equal those of a full rebuild, and the rebuild command."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.db import transaction

from klusterplattform.matchmaking.choices import DocumentKind
from klusterplattform.matchmaking.matching import need as needs
from klusterplattform.matchmaking.matching.ranking import rank_clusters
from klusterplattform.matchmaking.models import MatchDocument, MatchIndexState, MatchTerm, MatchTermStat
from klusterplattform.matchmaking.tests.match_world import build_match_world, rebuild_index
from klusterplattform.registry.importing import import_organisations
from klusterplattform.registry.models import Membership, Organisation
from klusterplattform.registry.signals import organisations_imported
from klusterplattform.registry.tests.factories import (
    ClusterFactory,
    MembershipFactory,
    OrganisationFactory,
    S3PriorityAreaFactory,
)
from klusterplattform.registry.tests.import_helpers import csv_bytes, org_number

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    return build_match_world()


def document(kind, obj):
    return MatchDocument.objects.filter(kind=kind, object_id=obj.pk).first()


def terms_of(kind, obj) -> set[str]:
    return set(MatchTerm.objects.filter(document__kind=kind, document__object_id=obj.pk).values_list("term", flat=True))


def snapshot() -> dict:
    """What BM25 reads: per kind the document count, total length, positive term frequencies; and each document."""
    stats = {
        (kind, term): count for kind, term, count in MatchTermStat.objects.values_list("kind", "term", "documents")
    }
    return {
        "stats": {key: count for key, count in stats.items() if count},
        "state": set(MatchIndexState.objects.values_list("kind", "documents", "total_length")),
        "documents": set(
            MatchDocument.objects.values_list("kind", "object_id", "is_demo", "country", "features", "length")
        ),
        "terms": sorted(MatchTerm.objects.values_list("document__kind", "document__object_id", "term", "count")),
    }


def test_a_changed_strength_is_indexed_when_the_change_commits(world, django_capture_on_commit_callbacks):
    need = needs.for_text("hydrogen electrolysers")
    assert rank_clusters(need).candidates[0].components["text"] == 0
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        world.health.strengths = "Hydrogen electrolysers for hospitals."
        world.health.save()
        assert "hydrog" not in terms_of(DocumentKind.CLUSTER, world.health)  # not before the commit
    assert callbacks
    assert {"hydrog", "electroly"} <= terms_of(DocumentKind.CLUSTER, world.health)
    assert rank_clusters(need).candidates[0].object_id == world.health.pk


def test_a_rolled_back_change_never_reaches_the_index(world, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(RuntimeError), transaction.atomic():
        world.health.strengths = "Hydrogen electrolysers."
        world.health.save()
        raise RuntimeError("rolled back")
    assert "hydrog" not in terms_of(DocumentKind.CLUSTER, world.health)


def test_a_changed_ecosystem_and_region_are_indexed(world, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        world.health.ecosystems.add(world.ecosystems["textiles"])
        world.health.regions.add(world.regions["vg"])
    features = document(DocumentKind.CLUSTER, world.health).features.split()
    assert f"e{world.ecosystems['textiles'].pk}" in features
    assert f"r{world.regions['vg'].pk}" in features
    assert f"3{world.ecosystems['digital'].pk}" in features  # Västra Götaland's strategy comes with the region


def test_a_ranking_right_after_an_update_sees_it(world, django_capture_on_commit_callbacks):
    need = needs.for_cluster(world.seeker)
    before = {c.object_id: c for c in rank_clusters(need).candidates}
    assert before[world.health.pk].components["ecosystems"] == 0
    with django_capture_on_commit_callbacks(execute=True):
        world.health.ecosystems.add(world.ecosystems["textiles"])
    after = {c.object_id: c for c in rank_clusters(need).candidates}
    assert after[world.health.pk].components["ecosystems"] == 1
    with django_capture_on_commit_callbacks(execute=True):
        world.health.delete()
    assert world.health.pk not in {c.object_id for c in rank_clusters(need).candidates}


def test_a_new_s3_area_re_indexes_the_clusters_of_its_region(world, django_capture_on_commit_callbacks):
    token = f"3{world.ecosystems['digital'].pk}"
    assert token not in document(DocumentKind.CLUSTER, world.digital).features.split()
    with django_capture_on_commit_callbacks(execute=True):
        area = S3PriorityAreaFactory(region=world.regions["uu"], code="mw-s3-uu")
        area.ecosystems.add(world.ecosystems["digital"])
    assert token in document(DocumentKind.CLUSTER, world.digital).features.split()


def test_a_new_cluster_gets_a_document_and_counts_in_the_state(world, django_capture_on_commit_callbacks):
    before = MatchIndexState.objects.get(kind=DocumentKind.CLUSTER).documents
    with django_capture_on_commit_callbacks(execute=True):
        cluster = ClusterFactory(name="Hydrogen Valley", strengths="Hydrogen electrolysers.")
    assert document(DocumentKind.CLUSTER, cluster) is not None
    assert MatchIndexState.objects.get(kind=DocumentKind.CLUSTER).documents == before + 1


def test_a_deleted_cluster_loses_its_document_and_its_members_their_link(world, django_capture_on_commit_callbacks):
    member = world.members[("health", "sme")]
    with django_capture_on_commit_callbacks(execute=True):
        world.health.delete()
    assert document(DocumentKind.CLUSTER, world.health) is None
    assert not MatchTerm.objects.filter(document__kind=DocumentKind.CLUSTER, term="medic").exists()
    assert not [t for t in document(DocumentKind.ORGANISATION, member).features.split() if t.startswith("c")]
    assert world.health.pk not in [c.object_id for c in rank_clusters(needs.for_text("medical devices")).candidates]


def test_a_deleted_organisation_loses_its_document(world, django_capture_on_commit_callbacks):
    organisation = world.members[("food", "large")]
    with django_capture_on_commit_callbacks(execute=True):
        organisation.delete()
    assert document(DocumentKind.ORGANISATION, organisation) is None


def test_a_membership_change_moves_the_organisation(world, django_capture_on_commit_callbacks):
    organisation = world.members[("food", "sme")]
    with django_capture_on_commit_callbacks(execute=True):
        Membership.objects.filter(organisation=organisation).update(left=datetime.date(2021, 1, 1))
        Membership.objects.get(organisation=organisation).save()  # the update sent no signal; a save does
        MembershipFactory(cluster=world.digital, organisation=organisation)
    features = document(DocumentKind.ORGANISATION, organisation).features.split()
    assert f"c{world.digital.pk}" in features
    assert f"c{world.food.pk}" not in features


def test_the_import_signal_re_indexes_the_imported_organisations(world, django_capture_on_commit_callbacks):
    created = Organisation.objects.bulk_create([Organisation(key="ID:mw-bulk", name="Hydrogen Systems AB", type="sme")])
    assert document(DocumentKind.ORGANISATION, created[0]) is None  # bulk writes send no model signals
    with django_capture_on_commit_callbacks(execute=True):
        organisations_imported.send(sender=Organisation, organisation_ids=[created[0].pk])
    assert "hydrog" in terms_of(DocumentKind.ORGANISATION, created[0])


def test_a_member_import_indexes_the_new_members_with_their_cluster(world, django_capture_on_commit_callbacks):
    data = csv_bytes([["organisation_number", "name", "type"], [org_number(77), "Vätgas Norr AB", "sme"]])
    with django_capture_on_commit_callbacks(execute=True):
        result = import_organisations(data, "members.csv", cluster=world.fibre.slug)
    assert not result.errors
    organisation = Organisation.objects.get(name="Vätgas Norr AB")
    assert f"c{world.fibre.pk}" in document(DocumentKind.ORGANISATION, organisation).features.split()
    assert "hydrog" in terms_of(DocumentKind.ORGANISATION, organisation)  # "vätgas" counts as "hydrogen"


def test_updates_leave_the_same_index_as_a_full_rebuild(world, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        world.fibre.strengths = "Fibre sorting only."
        world.fibre.save()
        world.health.delete()
        ClusterFactory(name="Hydrogen Valley", strengths="Hydrogen electrolysers. Hydrogen storage.")
        world.members[("weave", "large")].delete()
        organisation = OrganisationFactory(name="Textile Sorting AB")
        MembershipFactory(cluster=world.weave, organisation=organisation)
    updated = snapshot()
    rebuild_index()
    rebuilt = snapshot()
    assert updated == rebuilt
    cluster_docs = MatchDocument.objects.filter(kind=DocumentKind.CLUSTER).count()
    assert MatchIndexState.objects.get(kind=DocumentKind.CLUSTER).documents == cluster_docs == 9


def test_an_unchanged_profile_saved_again_changes_nothing(world, django_capture_on_commit_callbacks):
    before = snapshot()
    with django_capture_on_commit_callbacks(execute=True):
        world.fibre.save()
        world.members[("fibre", "sme")].save()
    assert snapshot() == before


def test_a_removed_word_keeps_a_zero_statistic_that_the_ranking_ignores(world, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        world.health.strengths = "Hydrogen."
        world.health.save()
    assert MatchTermStat.objects.get(kind=DocumentKind.CLUSTER, term="hydrog").documents == 1
    with django_capture_on_commit_callbacks(execute=True):
        world.health.strengths = ""
        world.health.save()
    assert MatchTermStat.objects.get(kind=DocumentKind.CLUSTER, term="hydrog").documents == 0
    assert rank_clusters(needs.for_text("hydrogen")).text_weights == {}


def test_the_rebuild_command_rebuilds_both_kinds_and_says_how_many(world):
    MatchDocument.objects.all().delete()
    out = io.StringIO()
    call_command("rebuild_match_index", stdout=out)
    lines = out.getvalue().splitlines()
    assert lines[0].startswith("cluster: 9 documents indexed in ")
    assert lines[1].startswith("organisation: 21 documents indexed in ")
    assert MatchIndexState.objects.get(kind=DocumentKind.ORGANISATION).documents == 21
    assert MatchIndexState.objects.get(kind=DocumentKind.CLUSTER).rebuilt_at is not None


def test_the_rebuild_command_can_rebuild_one_kind(world):
    out = io.StringIO()
    call_command("rebuild_match_index", kind="organisation", stdout=out)
    assert out.getvalue().startswith("organisation: 21 documents")
    assert "cluster" not in out.getvalue()


def test_a_long_profile_keeps_its_most_frequent_terms_only(world, django_capture_on_commit_callbacks):
    words = " ".join(f"word{n}x" for n in range(600))
    with django_capture_on_commit_callbacks(execute=True):
        world.health.description = f"{words} textile textile textile"
        world.health.save()
    kept = terms_of(DocumentKind.CLUSTER, world.health)
    assert len(kept) == 400
    assert "textil" in kept
