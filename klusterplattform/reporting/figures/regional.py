"""The regional view's figures: one län's smart-specialisation (S3) priority areas and the programme's clusters that
work in them, with their members in the region, labels, benchmark position and activities.

Rule for "prioritised in an area": the cluster organisation is linked to the S3 priority area in the registry
(ClusterOrganisation.s3_priority_areas, which the cluster or an officer records and calls check). A shared
industrial ecosystem is shown beside it as a hint ("ecosystem in common") but does not count as coverage, so the
coverage figure only rests on recorded links.

The clusters are those of the scope (the programme's clusters in the region on the as-of day, of the programme's
demo flag). Members in the region: memberships in force on the as-of day of organisations whose region is this län.
Labels: the official labels in force on the day (recorded, not estimated). Organisations and labels count only with
the programme's demo flag. Benchmark position: the overall position from the benchmark section (the platform's
computed estimate). Activities: the activities section's rule.

`build_region(scope, region)` is used by the page and by the regional report; `sheets(section)` gives its tables.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from klusterplattform.core.exports import Column
from klusterplattform.excellence.models import Label
from klusterplattform.excellence.models.labels import LabelLevel, in_force_on
from klusterplattform.registry.models import ClusterOrganisation, Membership, S3PriorityArea

from . import Scope
from .activities import activities_by_cluster, scoped_clusters
from .benchmark import cluster_reports

LEVEL_ORDER = {level.value: index for index, level in enumerate(LabelLevel)}


@dataclass(frozen=True)
class ClusterRow:
    cluster: ClusterOrganisation
    members: int  # memberships in force of organisations located in the region
    labels: list  # label level codes in force, highest first
    position: float | None  # overall benchmark position 0–100, None when not benchmarked
    taken_part_in: list  # Activity, oldest first
    area_codes: list  # the region's S3 areas the cluster is linked to

    @property
    def activities(self) -> int:
        return len(self.taken_part_in)

    @property
    def label_names(self) -> list[str]:
        return [str(LabelLevel(level).label) for level in self.labels]


@dataclass(frozen=True)
class AreaRow:
    area: S3PriorityArea
    clusters: list  # ClusterRow linked to the area
    shared_ecosystem: list  # ClusterRow not linked but with an ecosystem in common

    @property
    def covered(self) -> bool:
        return bool(self.clusters)


@dataclass(frozen=True)
class RegionSection:
    scope: object
    region: object
    is_demo: bool
    areas: list = field(default_factory=list)
    clusters: list = field(default_factory=list)

    @property
    def covered(self) -> int:
        return sum(1 for row in self.areas if row.covered)

    @property
    def coverage(self) -> float | None:
        """Share of the region's S3 areas with at least one cluster, 0–100; None when the region has none."""
        return 100.0 * self.covered / len(self.areas) if self.areas else None


def _labels(cluster_ids, day, is_demo) -> dict[int, list[str]]:
    levels = defaultdict(set)
    labels = Label.objects.filter(in_force_on(day), cluster_id__in=cluster_ids, is_demo=is_demo)
    for cluster_id, level in labels.values_list("cluster_id", "level"):
        levels[cluster_id].add(level)
    return {pk: sorted(found, key=lambda level: -LEVEL_ORDER.get(level, -1)) for pk, found in levels.items()}


def _members_in_region(cluster_ids, region, day, is_demo) -> dict[int, int]:
    rows = (
        Membership.objects.active_on(day)
        .filter(cluster_id__in=cluster_ids, organisation__region=region, organisation__is_demo=is_demo)
        .values("cluster_id")
        .annotate(n=Count("organisation_id", distinct=True))
        .order_by()
    )
    return {row["cluster_id"]: row["n"] for row in rows}


def region_scope(scope, region) -> Scope:
    """The scope narrowed to the region (the page's scope already is); a region outside a regional reader's scope
    gives no clusters rather than widening it."""
    allowed = frozenset({region.pk}) if scope.region_ids is None else scope.region_ids & {region.pk}
    if scope.region_ids == allowed:
        return scope
    return Scope(programme=scope.programme, as_of=scope.as_of, region_ids=frozenset(allowed))


def build_region(scope, region) -> RegionSection:
    scope = region_scope(scope, region)
    clusters = scoped_clusters(scope)
    ids = list(clusters)
    areas = list(S3PriorityArea.objects.filter(region=region).prefetch_related("ecosystems").order_by("position", "pk"))
    linked = defaultdict(set)  # area pk -> cluster pks
    for cluster_id, area_id in ClusterOrganisation.s3_priority_areas.through.objects.filter(
        clusterorganisation_id__in=ids, s3priorityarea__region=region
    ).values_list("clusterorganisation_id", "s3priorityarea_id"):
        linked[area_id].add(cluster_id)
    ecosystems = defaultdict(set)  # cluster pk -> ecosystem pks
    for cluster_id, ecosystem_id in ClusterOrganisation.ecosystems.through.objects.filter(
        clusterorganisation_id__in=ids
    ).values_list("clusterorganisation_id", "ecosystem_id"):
        ecosystems[cluster_id].add(ecosystem_id)
    is_demo = scope.programme.is_demo
    labels = _labels(ids, scope.as_of, is_demo)
    members = _members_in_region(ids, region, scope.as_of, is_demo)
    reports = cluster_reports(scope)
    activities = activities_by_cluster(scope)
    codes = {area.pk: area.code for area in areas}
    rows = {
        pk: ClusterRow(
            cluster,
            members.get(pk, 0),
            labels.get(pk, []),
            reports[pk].overall if pk in reports else None,
            activities.get(pk, []),
            [codes[area_pk] for area_pk in codes if pk in linked[area_pk]],
        )
        for pk, cluster in clusters.items()
    }
    area_rows = []
    for area in areas:
        area_ecosystems = {ecosystem.pk for ecosystem in area.ecosystems.all()}
        area_rows.append(
            AreaRow(
                area,
                [row for pk, row in rows.items() if pk in linked[area.pk]],
                [row for pk, row in rows.items() if pk not in linked[area.pk] and ecosystems[pk] & area_ecosystems],
            )
        )
    return RegionSection(scope=scope, region=region, is_demo=is_demo, areas=area_rows, clusters=list(rows.values()))


def _position(value):
    return None if value is None else round(value)


def sheets(section: RegionSection) -> list:
    titles = {row.area.code: row.area.title for row in section.areas}
    return [
        (
            _("S3 priority areas"),
            [
                Column(_("S3 priority area"), lambda r: r.area.title),
                Column(_("Strategy"), lambda r: r.area.strategy_name),
                Column(_("Clusters linked to the area"), lambda r: len(r.clusters)),
                Column(_("Clusters"), lambda r: ", ".join(row.cluster.name for row in r.clusters)),
                Column(
                    _("Clusters with an ecosystem in common (not linked)"),
                    lambda r: ", ".join(row.cluster.name for row in r.shared_ecosystem),
                ),
            ],
            section.areas,
        ),
        (
            _("Clusters in the region"),
            [
                Column(_("Cluster"), lambda r: r.cluster.name),
                Column(_("Members located in the region"), lambda r: r.members),
                Column(_("Labels in force"), lambda r: ", ".join(r.label_names)),
                Column(_("Benchmark position (computed estimate, 0–100)"), lambda r: _position(r.position)),
                Column(_("Activities taken part in"), lambda r: r.activities),
                Column(_("Activities"), lambda r: "; ".join(activity.title for activity in r.taken_part_in)),
                Column(_("S3 priority areas"), lambda r: ", ".join(titles[code] for code in r.area_codes)),
            ],
            section.clusters,
        ),
    ]
