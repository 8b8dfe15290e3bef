"""What a benchmark report reads from the database, each in one query for any number of assessments."""

import datetime
from collections import defaultdict
from functools import reduce
from operator import or_

import numpy as np
from django.db.models import Q
from django.utils.translation import get_language

from klusterplattform.registry.models import ClusterOrganisation

from ..choices import AssessmentStatus, cluster_size
from ..models import Answer, Assessment, Indicator, PeerDistribution, PeerGroupSize
from . import maths


def cluster_ids(assessments) -> list[int]:
    return sorted({a.cluster_id for a in assessments})


def attach_clusters(assessments) -> None:
    """Load the clusters of assessments fetched without select_related in one query, not one each."""
    field = Assessment._meta.get_field("cluster")
    missing = [a for a in assessments if not field.is_cached(a)]
    if missing:
        clusters = ClusterOrganisation.objects.in_bulk(cluster_ids(missing))
        for assessment in missing:
            assessment.cluster = clusters[assessment.cluster_id]


def size_classes(assessments, provisional_states) -> dict[int, str]:
    """{assessment pk: size class}: frozen at validation; for a submitted assessment (not frozen yet) computed from
    the members on its assessment day, one query per distinct day (none when all are validated)."""
    from klusterplattform.registry.stats import member_counts

    result = {a.pk: a.size_class for a in assessments}
    pending = defaultdict(list)
    for a in assessments:
        if not a.size_class and a.status in provisional_states:
            pending[a.assessed_on].append(a)
    for day, group in pending.items():
        counts = member_counts({a.cluster_id for a in group}, day)
        for a in group:
            result[a.pk] = cluster_size(counts[a.cluster_id]["total"])
    return result


def validated_history(assessments) -> dict:
    """{(cluster_id, is_demo): {pk: facts}} of the clusters' validated assessments, latest first."""
    history = defaultdict(dict)
    for a in assessments:
        history[(a.cluster_id, a.is_demo)]  # noqa: B018 - an entry even for a cluster without any
    rows = Assessment.objects.filter(cluster_id__in=cluster_ids(assessments), status=AssessmentStatus.VALIDATED).values(
        "pk", "cluster_id", "is_demo", "assessed_on", "validated_at", "size_class", "round__name_sv", "round__name_en"
    )
    for row in sorted(rows, key=recency, reverse=True):
        row["round_name"] = in_language(row, "round__name")
        history[(row["cluster_id"], row["is_demo"])][row["pk"]] = row
    return history


def recency(row) -> tuple:
    validated_at = row.get("validated_at")
    return (
        row.get("assessed_on") or datetime.date.min,
        validated_at.timestamp() if validated_at else float("inf"),
        row["pk"],
    )


def related(assessment, own: dict) -> tuple[int | None, int | None]:
    """(the cluster's assessment in the peer population, its previous validated assessment before this one)."""
    population_pk = next(iter(own), None)
    mine = recency(
        {
            "pk": assessment.pk,
            "assessed_on": assessment.assessed_on,
            "validated_at": assessment.validated_at if assessment.status == AssessmentStatus.VALIDATED else None,
        }
    )
    previous = next((pk for pk, row in own.items() if pk != assessment.pk and recency(row) < mine), None)
    return population_pk, previous


def in_language(row: dict, prefix: str) -> str:
    language = (get_language() or "sv")[:2]
    return row.get(f"{prefix}_{language}") or row.get(f"{prefix}_sv") or ""


def values(assessment_ids) -> dict[int, dict[str, float]]:
    result = defaultdict(dict)
    rows = Answer.objects.filter(assessment_id__in=sorted(assessment_ids), value__isnull=False).values_list(
        "assessment_id", "indicator__lineage", "value"
    )
    for assessment_id, lineage, value in rows:
        result[assessment_id][lineage] = value
    return result


def indicators(catalogue_ids) -> dict[int, list[Indicator]]:
    result = defaultdict(list)
    for indicator in Indicator.objects.filter(catalogue_id__in=sorted(catalogue_ids)).order_by("position", "code"):
        if indicator.is_benchmarked:
            result[indicator.catalogue_id].append(indicator)
    return result


def sizes(pairs) -> dict[tuple[bool, str], int]:
    if not pairs:
        return {}
    condition = reduce(
        or_, (Q(is_demo=flag, group__in=[k for f, k in pairs if f == flag]) for flag in {f for f, _k in pairs})
    )
    return {(row.is_demo, row.group): row.count for row in PeerGroupSize.objects.filter(condition)}


def distributions(pairs) -> dict[tuple[bool, str, str], np.ndarray]:
    if not pairs:
        return {}
    condition = reduce(or_, (Q(is_demo=flag, group=key) for flag, key in pairs))
    rows = PeerDistribution.objects.filter(condition).values_list("is_demo", "group", "lineage", "values")
    return {(flag, key, lineage): maths.to_array(bytes(packed)) for flag, key, lineage, packed in rows}
