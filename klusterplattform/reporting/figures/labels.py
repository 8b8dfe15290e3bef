"""The programme's official labels: who holds which label on the "as of" day, the transitions month by month, and the
labels that expire soon.

These are the labels recorded from the awarding body (excellence.Label), never the platform's own estimates. A label
is in force by the excellence app's rule (`Label.is_valid_on`: from valid_from, or the assessment, to valid_until).
A cluster holding two labels at once counts at its highest level. A transition is dated by its assessment: a first
label (the cluster's first ever), a renewal (an official renewal, or the same level as the cluster's best earlier
label), up (higher than any earlier label) or lower. One query, whatever the size of the programme.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from klusterplattform.core.exports import Column
from klusterplattform.excellence.labels import LADDER
from klusterplattform.excellence.models import Label
from klusterplattform.excellence.models.labels import LabelLevel

from .population import scoped_cluster_ids

EXPIRY_DAYS = 180
FIRST, RENEWED, UP, LOWER = "first", "renewed", "up", "lower"
KIND_ORDER = (UP, FIRST, RENEWED, LOWER)
KIND_LABELS = {
    FIRST: _("First label"),
    RENEWED: _("Renewed"),
    UP: _("Up to a higher level"),
    LOWER: _("A lower level"),
}


@dataclass(frozen=True)
class LevelCount:
    level: str
    clusters: int

    @property
    def label(self) -> str:
        return LabelLevel(self.level).label


@dataclass(frozen=True)
class Transition:
    kind: str
    level: str
    clusters: int

    @property
    def kind_label(self) -> str:
        return KIND_LABELS[self.kind]

    @property
    def level_label(self) -> str:
        return LabelLevel(self.level).label

    @property
    def text(self) -> str:
        n, values = self.clusters, {"count": self.clusters, "level": self.level_label}
        # Each sentence written out, so that makemessages finds its plural forms.
        if self.kind == FIRST:
            text = ngettext(
                "%(count)s cluster got a first %(level)s label", "%(count)s clusters got a first %(level)s label", n
            )
        elif self.kind == UP:
            text = ngettext("%(count)s cluster reached %(level)s", "%(count)s clusters reached %(level)s", n)
        elif self.kind == RENEWED:
            text = ngettext("%(count)s cluster renewed %(level)s", "%(count)s clusters renewed %(level)s", n)
        else:
            text = ngettext(
                "%(count)s cluster received %(level)s, a lower level than before",
                "%(count)s clusters received %(level)s, a lower level than before",
                n,
            )
        return text % values


@dataclass(frozen=True)
class MonthTransitions:
    month: datetime.date  # the first day of the month
    transitions: tuple  # Transition, in KIND_ORDER then level

    @property
    def month_name(self) -> str:
        return date_format(self.month, "YEAR_MONTH_FORMAT")

    @property
    def text(self) -> str:
        return ", ".join(transition.text for transition in self.transitions)


@dataclass(frozen=True)
class Expiry:
    cluster_name: str
    cluster_slug: str
    level: str
    valid_until: datetime.date
    days_left: int

    @property
    def level_label(self) -> str:
        return LabelLevel(self.level).label


@dataclass(frozen=True)
class LabelsSection:
    as_of: datetime.date
    is_demo: bool
    clusters: int  # clusters in scope
    held: tuple  # LevelCount per level, Gold first
    months: tuple  # MonthTransitions, most recent first
    expiries: tuple  # Expiry, soonest first
    expiry_days: int = EXPIRY_DAYS

    @property
    def with_label(self) -> int:
        return sum(row.clusters for row in self.held)

    @property
    def without_label(self) -> int:
        return self.clusters - self.with_label


def _labels(scope, ids) -> list[Label]:
    """Every label of the clusters assessed on or before the day, in the order assessed."""
    return list(
        Label.objects.filter(cluster_id__in=ids, is_demo=scope.programme.is_demo, awarded_on__lte=scope.as_of)
        .select_related("cluster")
        .only(
            "cluster_id",
            "level",
            "awarded_on",
            "valid_from",
            "valid_until",
            "renews_id",
            "cluster__name",
            "cluster__slug",
        )
        .order_by("cluster_id", "awarded_on", "pk")
    )


def held_on(labels, day) -> tuple:
    best: dict[int, str] = {}
    for label in labels:
        if label.is_valid_on(day) and LADDER[label.level] >= LADDER.get(best.get(label.cluster_id), -1):
            best[label.cluster_id] = label.level
    counts = defaultdict(int)
    for level in best.values():
        counts[level] += 1
    return tuple(LevelCount(level, counts[level]) for level in sorted(LADDER, key=LADDER.get, reverse=True))


def transition_kind(label: Label, best_earlier: str | None) -> str:
    if label.renews_id is not None:
        return RENEWED
    if best_earlier is None:
        return FIRST
    if LADDER[label.level] > LADDER[best_earlier]:
        return UP
    return RENEWED if label.level == best_earlier else LOWER


def transitions(labels) -> tuple:
    """MonthTransitions, most recent month first; a cluster counts once per month, kind and level."""
    by_month: dict[datetime.date, dict[tuple, set]] = defaultdict(lambda: defaultdict(set))
    best: dict[int, str] = {}
    for label in labels:  # ordered by cluster, then assessment
        kind = transition_kind(label, best.get(label.cluster_id))
        by_month[label.awarded_on.replace(day=1)][(kind, label.level)].add(label.cluster_id)
        if LADDER[label.level] > LADDER.get(best.get(label.cluster_id), -1):
            best[label.cluster_id] = label.level
    months = []
    for month in sorted(by_month, reverse=True):
        keys = sorted(by_month[month], key=lambda key: (KIND_ORDER.index(key[0]), -LADDER[key[1]]))
        months.append(
            MonthTransitions(month, tuple(Transition(k, lvl, len(by_month[month][(k, lvl)])) for k, lvl in keys))
        )
    return tuple(months)


def expiries(labels, day: datetime.date, within_days: int = EXPIRY_DAYS) -> tuple:
    """Labels in force on the day that end within `within_days` days and had not been renewed by then (a renewal
    recorded later does not hide an expiry that was upcoming on the day)."""
    renewed = {label.renews_id for label in labels if label.renews_id is not None}
    last = day + datetime.timedelta(days=within_days)
    rows = [
        Expiry(label.cluster.name, label.cluster.slug, label.level, label.valid_until, (label.valid_until - day).days)
        for label in labels
        if label.is_valid_on(day) and label.valid_until <= last and label.pk not in renewed
    ]
    return tuple(sorted(rows, key=lambda row: (row.valid_until, row.cluster_name)))


def build(scope) -> LabelsSection:
    ids = scoped_cluster_ids(scope)
    labels = _labels(scope, ids)
    return LabelsSection(
        as_of=scope.as_of,
        is_demo=scope.programme.is_demo,
        clusters=len(ids),
        held=held_on(labels, scope.as_of),
        months=transitions(labels),
        expiries=expiries(labels, scope.as_of),
    )


def sheets(section: LabelsSection) -> list:
    held = [Column(_("Level"), lambda row: row.label), Column(_("Clusters"), lambda row: row.clusters)]
    changes = [
        Column(_("Month"), lambda row: row[0].month),
        Column(_("Change"), lambda row: row[1].kind_label),
        Column(_("Level"), lambda row: row[1].level_label),
        Column(_("Clusters"), lambda row: row[1].clusters),
    ]
    expiring = [
        Column(_("Cluster"), lambda row: row.cluster_name),
        Column(_("Level"), lambda row: row.level_label),
        Column(_("Valid until"), lambda row: row.valid_until),
        Column(_("Days left"), lambda row: row.days_left),
    ]
    return [
        (_("Labels held"), held, section.held),
        (_("Label changes"), changes, [(month, item) for month in section.months for item in month.transitions]),
        (_("Labels expiring"), expiring, section.expiries),
    ]
