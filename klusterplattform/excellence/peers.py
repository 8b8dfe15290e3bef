"""Peer distributions (see models/peers.py): kept up to date when an assessment is validated.

The peer population of a demo flag is, for each cluster, its latest validated assessment (by assessed_on, then
validated_at); demo and real populations never mix. Each peer group (benchmark/groups.py) stores, per indicator
lineage, the ascending values of its members' answers (missing answers left out) and, separately, how many
assessments it holds (the disclosure rule counts organisations, not answers).

`refresh_for(assessment)` recomputes the groups the assessment's cluster belongs to (after a validation, inside the
transition's transaction); `rebuild_all()` recomputes everything in bulk, e.g. after registry facts changed
(ecosystems, programmes, labels) or after loading demo data. Both load the population's answers in one query and
cut the groups out of them with numpy, so 5,000 assessments × 36 indicators take seconds, not minutes.
"""

from collections import defaultdict
from dataclasses import dataclass

import numpy as np
from django.db import transaction
from django.db.models import F

from .benchmark.groups import keys_for, load_facts
from .choices import AssessmentStatus
from .models import Answer, Assessment, Indicator, PeerDistribution, PeerGroupSize


@dataclass(frozen=True)
class Peer:
    pk: int
    cluster_id: int
    size_class: str
    assessed_on: object


def latest_first(queryset):
    """Order validated assessments so that each cluster's latest one comes first."""
    return queryset.order_by(
        "cluster_id",
        F("assessed_on").desc(nulls_last=True),
        F("validated_at").desc(nulls_last=True),
        "-pk",
    )


def population(is_demo: bool) -> list[Peer]:
    """Each cluster's latest validated assessment with the given demo flag."""
    rows = latest_first(Assessment.objects.filter(status=AssessmentStatus.VALIDATED, is_demo=is_demo)).values_list(
        "pk", "cluster_id", "size_class", "assessed_on"
    )
    peers, seen = [], set()
    for pk, cluster_id, size_class, assessed_on in rows:
        if cluster_id not in seen:
            seen.add(cluster_id)
            peers.append(Peer(pk, cluster_id, size_class, assessed_on))
    return peers


def compute(is_demo: bool, groups: set[str] | None = None):
    """({group: assessments}, {(group, lineage): sorted values}) for all groups, or only the given ones."""
    peers = population(is_demo)
    facts = load_facts(is_demo=is_demo)
    members: dict[str, list[int]] = defaultdict(list)
    for index, peer in enumerate(peers):
        for key in keys_for(facts[peer.cluster_id], peer.size_class, peer.assessed_on):
            if groups is None or key in groups:
                members[key].append(index)
    index_of = {peer.pk: index for index, peer in enumerate(peers)}
    # One query for every answer of every validated assessment; those that are not the population's are dropped.
    # Lineages come from a second, small query: joining the indicator to every answer row costs more.
    lineage_of = dict(Indicator.objects.values_list("pk", "lineage"))
    rows = Answer.objects.filter(
        assessment__status=AssessmentStatus.VALIDATED, assessment__is_demo=is_demo, value__isnull=False
    ).values_list("assessment_id", "indicator_id", "value")
    by_lineage: dict[str, tuple[list, list]] = defaultdict(lambda: ([], []))
    for assessment_id, indicator_id, value in rows.iterator(chunk_size=10000):
        index = index_of.get(assessment_id)
        if index is not None:
            owners, values = by_lineage[lineage_of[indicator_id]]
            owners.append(index)
            values.append(value)
    arrays = {
        lineage: (np.asarray(owners, dtype=np.int64), np.asarray(values, dtype=np.float64))
        for lineage, (owners, values) in by_lineage.items()
    }
    sizes = {key: len(indexes) for key, indexes in members.items()}
    distributions = {}
    for key, indexes in members.items():
        mask = np.zeros(len(peers), dtype=bool)
        mask[indexes] = True
        for lineage, (owners, values) in arrays.items():
            selected = values[mask[owners]]
            if selected.size:
                distributions[(key, lineage)] = np.sort(selected)
    return sizes, distributions


def store(is_demo: bool, sizes: dict, distributions: dict, groups: set[str] | None = None) -> None:
    """Replace the stored rows of the given groups (all groups of the flag when None) with the computed ones."""
    with transaction.atomic():
        stale_sizes = PeerGroupSize.objects.filter(is_demo=is_demo)
        stale_distributions = PeerDistribution.objects.filter(is_demo=is_demo)
        if groups is not None:
            stale_sizes = stale_sizes.filter(group__in=groups)
            stale_distributions = stale_distributions.filter(group__in=groups)
        stale_sizes.delete()
        stale_distributions.delete()
        PeerGroupSize.objects.bulk_create(
            [PeerGroupSize(is_demo=is_demo, group=key, count=count) for key, count in sizes.items()],
            batch_size=500,
            # Two validations committing at once may both write a group: the later one wins instead of failing.
            update_conflicts=True,
            unique_fields=["is_demo", "group"],
            update_fields=["count"],
        )
        PeerDistribution.objects.bulk_create(
            [
                PeerDistribution(
                    is_demo=is_demo, group=key, lineage=lineage, count=int(values.size), values=values.tobytes()
                )
                for (key, lineage), values in distributions.items()
            ],
            batch_size=500,
            update_conflicts=True,
            unique_fields=["is_demo", "group", "lineage"],
            update_fields=["count", "values", "updated_at"],
        )


def rebuild_all(is_demo: bool | None = None) -> dict[bool, int]:
    """Recompute every distribution of the demo flag (both flags when None); {flag: groups stored}."""
    flags = [False, True] if is_demo is None else [bool(is_demo)]
    stored = {}
    for flag in flags:
        sizes, distributions = compute(flag)
        store(flag, sizes, distributions)
        stored[flag] = len(sizes)
    return stored


def refresh_for(assessment) -> None:
    """Recompute the groups the assessment's cluster belongs to, now and through its earlier validated assessments
    (a cluster that changed size class leaves its old group, which must then forget it)."""
    facts = load_facts(cluster_ids=[assessment.cluster_id])[assessment.cluster_id]
    own = Assessment.objects.filter(
        cluster_id=assessment.cluster_id, is_demo=assessment.is_demo, status=AssessmentStatus.VALIDATED
    ).values_list("size_class", "assessed_on")
    groups = set(keys_for(facts, assessment.size_class, assessment.assessed_on))
    for size_class, assessed_on in own:
        groups.update(keys_for(facts, size_class, assessed_on))
    sizes, distributions = compute(assessment.is_demo, groups)
    store(assessment.is_demo, sizes, distributions, groups)
