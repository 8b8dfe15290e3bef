"""The evaluation export's topics built from the records: one table per topic, each column described for the
data dictionary (what it means, its unit, and whether it is a record or computed by the platform).

No personal data: clusters are named (cluster organisations are legal entities and public in the registry), member
organisations only counted by type, registrations only counted, feedback only aggregated. Demo data never mixes with
real: a real programme's topics count only non-demo clusters, the demo programme only demo ones.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

from klusterplattform.excellence.models import Label
from klusterplattform.registry.choices import MembershipKind
from klusterplattform.registry.models import ClusterOrganisation, Membership, ProgrammeParticipation

from ..figures.population import scoped_cluster_ids
from .sources import COMPUTED, RECORD

TEXT, DATE, COUNT, CODE = _("text"), _("date (YYYY-MM-DD)"), _("count"), _("code")


@dataclass(frozen=True)
class Field:
    header: object
    meaning: object
    unit: object
    source: str  # RECORD or COMPUTED
    value: Callable


@dataclass
class Topic:
    code: str  # the CSV file's name in the zip
    title: object
    fields: list[Field]
    rows: list


def _codes(values) -> str:
    return ", ".join(sorted(value for value in values if value))


def scope_clusters(scope) -> list:
    """The clusters in scope by the dashboard's rule (figures.population): in the programme on the as-of day, within
    the reader's regions, real or demo as the programme is."""
    return list(
        ClusterOrganisation.objects.filter(pk__in=scoped_cluster_ids(scope))
        .prefetch_related("regions", "ecosystems")
        .order_by("sort_name", "pk")
    )


def clusters(scope, cluster_list) -> Topic:
    fields = [
        Field(_("Cluster"), _("The cluster organisation's registry code"), CODE, RECORD, lambda c: c.slug),
        Field(_("Name"), _("The cluster organisation's name"), TEXT, RECORD, lambda c: c.name),
        Field(
            _("Regions"),
            _("Codes of the regions (län) it works in"),
            CODE,
            RECORD,
            lambda c: _codes(r.code for r in c.regions.all()),
        ),
        Field(
            _("Ecosystems"),
            _("Codes of the industrial ecosystems it serves"),
            CODE,
            RECORD,
            lambda c: _codes(e.code for e in c.ecosystems.all()),
        ),
        Field(_("Founded"), _("The day the cluster organisation was founded"), DATE, RECORD, lambda c: c.founded),
        Field(
            _("Management (FTE)"),
            _("The cluster management team in full-time equivalents"),
            _("FTE"),
            RECORD,
            lambda c: c.management_fte,
        ),
    ]
    return Topic("clusters", _("Clusters"), fields, cluster_list)


def participations(scope, cluster_list) -> Topic:
    rows = (
        ProgrammeParticipation.objects.filter(programme=scope.programme, cluster__in=cluster_list)
        .select_related("cluster")
        .order_by("cluster__sort_name", "pk")
    )
    fields = [
        Field(_("Cluster"), _("The cluster organisation's registry code"), CODE, RECORD, lambda p: p.cluster.slug),
        Field(
            _("Selected on"),
            _("The day the cluster was selected for the programme"),
            DATE,
            RECORD,
            lambda p: p.selected_on,
        ),
        Field(
            _("Status"),
            _("Its participation: selected, active, completed or withdrawn"),
            CODE,
            RECORD,
            lambda p: p.status,
        ),
    ]
    return Topic("participations", _("Participations"), fields, list(rows))


def memberships(scope, cluster_list) -> Topic:
    counts = (
        Membership.objects.active_on(scope.as_of)
        .filter(cluster__in=cluster_list)
        .values("cluster__slug", "organisation__type")
        .annotate(
            participants=Count("organisation", distinct=True),
            members=Count("organisation", distinct=True, filter=Q(kind=MembershipKind.MEMBER)),
        )
        .order_by("cluster__slug", "organisation__type")
    )
    fields = [
        Field(_("Cluster"), _("The cluster organisation's registry code"), CODE, RECORD, lambda r: r["cluster__slug"]),
        Field(
            _("Organisation type"),
            _("sme, large_company, research, education, public_body or other"),
            CODE,
            RECORD,
            lambda r: r["organisation__type"],
        ),
        Field(
            _("Participating organisations"),
            _("Organisations of this type in the cluster on the as-of day"),
            COUNT,
            COMPUTED,
            lambda r: r["participants"],
        ),
        Field(
            _("Dedicated members"),
            _("Of those, the dedicated (paying) members"),
            COUNT,
            COMPUTED,
            lambda r: r["members"],
        ),
    ]
    return Topic("memberships", _("Memberships by type"), fields, list(counts))


def labels(scope, cluster_list) -> Topic:
    rows = (
        Label.objects.filter(cluster__in=cluster_list, awarded_on__lte=scope.as_of)
        .select_related("cluster")
        .order_by("cluster__sort_name", "awarded_on", "pk")
    )
    fields = [
        Field(_("Cluster"), _("The cluster organisation's registry code"), CODE, RECORD, lambda row: row.cluster.slug),
        Field(
            _("Level"),
            _("bronze, silver or gold (official label from the awarding body)"),
            CODE,
            RECORD,
            lambda row: row.level,
        ),
        Field(_("Awarding body"), _("The body that awarded the label"), CODE, RECORD, lambda row: row.awarding_body),
        Field(_("Assessed on"), _("The day of the label assessment"), DATE, RECORD, lambda row: row.awarded_on),
        Field(_("Valid from"), _("First day of validity"), DATE, RECORD, lambda row: row.valid_from or row.awarded_on),
        Field(_("Valid until"), _("Last day of validity"), DATE, RECORD, lambda row: row.valid_until),
        Field(
            _("In force on the as-of day"),
            _("1 if the label was in force on the as-of day, else 0"),
            _("0 or 1"),
            COMPUTED,
            lambda row: int(row.is_valid_on(scope.as_of)),
        ),
    ]
    return Topic("labels", _("Labels"), fields, list(rows))
