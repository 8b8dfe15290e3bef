"""The programme's figures: one module per section of the dashboard, and the same sections make the reports.

Every section module has
- `build(scope) -> <its Section dataclass>`: the figures, computed from the records (never stored twice), with a
  fixed number of queries whatever the size of the programme;
- `sheets(section) -> list[(title, columns, rows)]`: the same figures as tables for core/exports.to_workbook;
- a template `reporting/sections/<name>.html` that shows `section` (heading, chart from core/charts.py, and the
  table beside it), used by the dashboard page and the PDF reports alike.

`Scope` says what the figures are about: a programme, a day ("as of"), and the regions the reader may see.
"""

import datetime
from dataclasses import dataclass, field
from functools import cached_property
from importlib import import_module

from django.db.models import Q

# (name, module) in the order the dashboard and the reports show them.
SECTIONS = (
    "population",  # clusters by region and ecosystem; organisations and members by type, SME share, size, over time
    "map",  # the map of Sweden by län with clusters and participants, and its table
    "labels",  # labels at the date, transitions, upcoming expiries
    "benchmark",  # position against European peers per area, needs trend between rounds
    "activities",  # activities per year, participation per cluster and focus area, feedback scores
    "calls_funding",  # applications and selections; funding calls the clusters intend to apply for
)


def section_module(name: str):
    return import_module(f"klusterplattform.reporting.figures.{name}")


def build_all(scope, names=SECTIONS) -> list[tuple[str, object]]:
    """(name, section) for each section, in the dashboard's order: what the dashboard shows and the reports hold, so
    the two cannot drift apart. Queries do not grow with the programme."""
    return [(name, section_module(name).build(scope)) for name in names]


@dataclass(frozen=True)
class Scope:
    programme: object  # registry.Programme
    as_of: datetime.date
    region_ids: frozenset | None = None  # None: every region (officers); else only clusters in these regions
    _cache: dict = field(default_factory=dict, compare=False, hash=False, repr=False)

    def in_programme_q(self, prefix: str = "") -> Q:
        """Clusters taking part in the programme on `as_of`: a participation that is not withdrawn and was selected
        on or before that day (or has no selection date). `prefix` is the path to the cluster, e.g. "cluster__"."""
        participations = Q(
            **{
                f"{prefix}participations__programme": self.programme,
            }
        ) & ~Q(**{f"{prefix}participations__status": "withdrawn"})
        dated = Q(**{f"{prefix}participations__selected_on__isnull": True}) | Q(
            **{f"{prefix}participations__selected_on__lte": self.as_of}
        )
        condition = participations & dated
        if self.region_ids is not None:
            condition &= Q(**{f"{prefix}regions__in": self.region_ids})
        return condition

    @cached_property
    def selection_days(self) -> dict:
        """{cluster id: the day it was selected into the programme, or None} for the clusters in scope, in one query
        kept for the request: the figures over time count a cluster only from its selection."""
        from klusterplattform.registry.models import ClusterOrganisation

        rows = ClusterOrganisation.objects.filter(self.in_programme_q()).values_list(
            "pk", "participations__selected_on"
        )
        return dict(rows)

    @property
    def cluster_ids(self) -> list[int]:
        """The ids of the clusters in scope."""
        return sorted(self.selection_days)
