"""Peer distributions: who is in the population, which groups, and how they are kept up to date (peers.py)."""

import datetime

import pytest
from django.core.management import call_command
from django.utils import translation

from klusterplattform.excellence import peers
from klusterplattform.excellence.benchmark import maths
from klusterplattform.excellence.benchmark.groups import keys_for, load_facts
from klusterplattform.excellence.models import PeerDistribution, PeerGroupSize
from klusterplattform.excellence.tests.benchmark_world import assessment, numeric_catalogue, population
from klusterplattform.registry.tests.factories import (
    ClusterFactory,
    EcosystemFactory,
    LabelFactory,
    ProgrammeFactory,
    SectoralIndustryFactory,
)

pytestmark = pytest.mark.django_db


def stored(group="all", lineage="bm-1:N1", is_demo=False) -> list[float]:
    row = PeerDistribution.objects.filter(is_demo=is_demo, group=group, lineage=lineage).first()
    return [] if row is None else list(maths.to_array(bytes(row.values)))


def size(group="all", is_demo=False) -> int:
    row = PeerGroupSize.objects.filter(is_demo=is_demo, group=group).first()
    return 0 if row is None else row.count


def test_each_cluster_counts_once_with_its_latest_validated_assessment():
    catalogue = numeric_catalogue()
    cluster = ClusterFactory()
    assessment(catalogue, {"N1": 100}, cluster=cluster, assessed_on=datetime.date(2024, 9, 1))
    assessment(catalogue, {"N1": 5}, cluster=cluster, assessed_on=datetime.date(2026, 9, 1))
    assessment(catalogue, {"N1": 7})
    assessment(catalogue, {"N1": 999}, status="submitted")
    assessment(catalogue, {"N1": 998}, status="draft")
    peers.rebuild_all()
    assert stored() == [5.0, 7.0]
    assert size() == 2


def test_demo_and_real_populations_never_mix():
    catalogue = numeric_catalogue()
    population(catalogue, [1, 2, 3])
    population(catalogue, [50, 60], is_demo=True)
    peers.rebuild_all()
    assert stored(is_demo=False) == [1.0, 2.0, 3.0]
    assert stored(is_demo=True) == [50.0, 60.0]


def test_missing_answers_are_left_out_but_the_organisation_counts_in_the_group():
    catalogue = numeric_catalogue()
    population(catalogue, [1, 2])
    assessment(catalogue, {"N2": 5})
    peers.rebuild_all()
    assert stored() == [1.0, 2.0]
    assert size() == 3


def test_an_assessment_belongs_to_its_clusters_ecosystem_sector_country_size_programme_and_label_groups():
    health = EcosystemFactory(code="health")
    sector = SectoralIndustryFactory(code="life-science")
    cluster = ClusterFactory(country="SE", ecosystems=[health], sectors=[sector])
    ProgrammeFactory(slug="s3-pilot", clusters=[cluster])
    LabelFactory(
        cluster=cluster, level="silver", awarded_on=datetime.date(2026, 1, 1), valid_until=datetime.date(2027, 12, 31)
    )
    LabelFactory(
        cluster=cluster, level="bronze", awarded_on=datetime.date(2020, 1, 1), valid_until=datetime.date(2021, 12, 31)
    )  # expired before the assessment
    facts = load_facts(cluster_ids=[cluster.pk])[cluster.pk]
    assert keys_for(facts, "m", datetime.date(2026, 9, 1)) == [
        "all",
        "ecosystem:health",
        "sector:life-science",
        "country:SE",
        "size:m",
        "programme:s3-pilot",
        "label:silver",
    ]


def test_group_distributions_hold_only_the_groups_members():
    health = EcosystemFactory(code="health")
    catalogue = numeric_catalogue()
    for value in (1, 2):
        assessment(catalogue, {"N1": value}, cluster=ClusterFactory(ecosystems=[health]))
    assessment(catalogue, {"N1": 3}, size_class="s")
    peers.rebuild_all()
    assert stored("ecosystem:health") == [1.0, 2.0]
    assert stored("size:m") == [1.0, 2.0]
    assert stored("size:s") == [3.0]
    assert size("ecosystem:health") == 2


def test_refresh_for_adds_a_newly_validated_assessment_to_its_groups():
    catalogue = numeric_catalogue()
    population(catalogue, [1, 2])
    peers.rebuild_all()
    new = assessment(catalogue, {"N1": 9})
    peers.refresh_for(new)
    assert stored() == [1.0, 2.0, 9.0]
    assert size("size:m") == 3


def test_refresh_for_takes_a_cluster_out_of_the_group_it_left():
    catalogue = numeric_catalogue()
    cluster = ClusterFactory()
    assessment(catalogue, {"N1": 4}, cluster=cluster, size_class="s", assessed_on=datetime.date(2024, 9, 1))
    peers.rebuild_all()
    assert stored("size:s") == [4.0]
    newer = assessment(catalogue, {"N1": 8}, cluster=cluster, size_class="l")
    peers.refresh_for(newer)
    assert stored("size:s") == [] and size("size:s") == 0
    assert stored("size:l") == [8.0]


def test_rebuild_all_of_one_flag_leaves_the_other_alone():
    catalogue = numeric_catalogue()
    population(catalogue, [1])
    population(catalogue, [50], is_demo=True)
    peers.rebuild_all()
    population(catalogue, [2])
    peers.rebuild_all(is_demo=True)
    assert stored() == [1.0]
    peers.rebuild_all(is_demo=False)
    assert stored() == [1.0, 2.0]


def test_rebuild_all_takes_the_same_queries_for_ten_or_thirty_assessments(django_assert_max_num_queries):
    catalogue = numeric_catalogue()
    population(catalogue, range(30))
    with django_assert_max_num_queries(16):
        peers.rebuild_all(is_demo=False)
    assert size() == 30


def test_the_command_rebuilds_the_distributions(capsys):
    catalogue = numeric_catalogue()
    population(catalogue, [3, 1])
    with translation.override("en"):  # the summary is translated; this test reads the English
        call_command("rebuild_peer_distributions", "--real")
    assert stored() == [1.0, 3.0]
    assert "(real): 3" in capsys.readouterr().out  # all, country:SE, size:m


def test_validating_an_assessment_puts_it_into_its_peer_groups():
    from klusterplattform.excellence.workflow import transition
    from klusterplattform.registry.grants import grant_role
    from klusterplattform.registry.tests.factories import UserFactory

    catalogue = numeric_catalogue()
    population(catalogue, [1, 2])
    peers.rebuild_all()
    assessor = UserFactory()
    grant_role(assessor, "assessor")
    pending = assessment(catalogue, {"N1": 7}, status="under_validation")
    pending.assessor = assessor
    pending.save()
    transition(pending, assessor, "validate")
    assert stored() == [1.0, 2.0, 7.0]
    assert stored("size:s") == [7.0]  # the size class frozen at validation: no members yet
