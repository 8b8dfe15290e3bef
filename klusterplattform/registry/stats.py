"""Derived figures: member counts by type are computed from memberships on a given day, never typed in."""

from collections import defaultdict

from django.db.models import Count
from django.utils import timezone

from .choices import TRIPLE_HELIX_TYPE, MembershipKind, OrganisationType
from .models import Membership


def member_counts(cluster_ids, day=None) -> dict[int, dict]:
    """{cluster_id: {"total", "members", "participants", "by_type": {type: n}}}, one query for any number."""
    day = day or timezone.localdate()
    rows = (
        Membership.objects.active_on(day)
        .filter(cluster_id__in=list(cluster_ids))
        .values("cluster_id", "kind", "organisation__type")
        .annotate(n=Count("id"))
        .order_by()
    )
    result: dict[int, dict] = defaultdict(
        lambda: {
            "total": 0,
            "members": 0,
            "participants": 0,
            "by_type": {t.value: 0 for t in OrganisationType},
        }
    )
    for row in rows:
        entry = result[row["cluster_id"]]
        entry["total"] += row["n"]
        entry["members" if row["kind"] == MembershipKind.MEMBER else "participants"] += row["n"]
        entry["by_type"][row["organisation__type"]] = entry["by_type"].get(row["organisation__type"], 0) + row["n"]
    return {cluster_id: result[cluster_id] for cluster_id in cluster_ids}


def triple_helix_types(by_type: dict) -> set[str]:
    """Which of ECCP's member categories (industry, research, public, civil society) are present."""
    return {TRIPLE_HELIX_TYPE[OrganisationType(t)] for t, n in by_type.items() if n}
