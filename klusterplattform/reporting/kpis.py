"""KPI values and the KPI table: what each KPI was in each period, where the value comes from, and its trend.

A computed KPI's value is computed when asked for (kpi_metrics), unless an officer has frozen that period: then the
stored KpiValue is the figure, so a published figure does not move when records are corrected later. An entered
KPI's values are only the stored ones. The table is built with one query for the KPIs, one for their stored values
and the metrics' own for each period still to compute (a dashboard section built once per period is shared): the
count depends on the KPIs and periods shown, never on the data.

`kpi_table(programme, periods)` is also what the evaluation export uses.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.db import transaction

from . import kpi_metrics
from .kpi_metrics import Period
from .models import Kpi, KpiSource, KpiValue

COMPUTED, FROZEN, ENTERED, MISSING = "computed", "frozen", "entered", "missing"
UP, DOWN, FLAT = "up", "down", "flat"


@dataclass(frozen=True)
class Cell:
    period: Period
    value: Decimal | None
    origin: str  # computed | frozen | entered | missing


@dataclass(frozen=True)
class Trend:
    """The last period with a value against the one before it that has a value."""

    direction: str | None  # up | down | flat; None when there are fewer than two values
    better: bool | None  # towards the target's side (higher_is_better decides); None when flat or unknown
    change: Decimal | None = None

    @property
    def symbol(self) -> str:
        return {UP: "↑", DOWN: "↓", FLAT: "→"}.get(self.direction, "–")


@dataclass
class KpiRow:
    kpi: Kpi
    cells: list[Cell] = field(default_factory=list)
    trend: Trend = field(default_factory=lambda: Trend(None, None))

    @property
    def latest(self) -> Cell | None:
        return next((cell for cell in reversed(self.cells) if cell.value is not None), None)


def trend_of(values: list[Decimal | None], higher_is_better: bool = True) -> Trend:
    known = [value for value in values if value is not None]
    if len(known) < 2:
        return Trend(None, None)
    previous, last = known[-2], known[-1]
    if last == previous:
        return Trend(FLAT, None, Decimal(0))
    direction = UP if last > previous else DOWN
    return Trend(direction, (direction == UP) == higher_is_better, last - previous)


def kpi_table(programme, periods: list[Period]) -> list[KpiRow]:
    """One row per KPI of the programme (in their order), a cell per period (oldest first) and the trend."""
    kpis = list(Kpi.objects.filter(programme=programme).order_by("order", "code"))
    codes = [period.code for period in periods]
    stored = {
        (value.kpi_id, value.period): value.value
        for value in KpiValue.objects.filter(kpi__programme=programme, period__in=codes)
    }
    computed: dict[tuple[str, str], Decimal | None] = {}
    sections: dict = {}  # dashboard sections built per period, shared by the metrics that read them
    rows = []
    for kpi in kpis:
        cells = []
        for period in periods:
            if (kpi.pk, period.code) in stored:
                origin = FROZEN if kpi.source == KpiSource.COMPUTED else ENTERED
                cells.append(Cell(period, stored[kpi.pk, period.code], origin))
            elif kpi.source == KpiSource.COMPUTED and kpi.metric in kpi_metrics.METRICS:
                key = (kpi.metric, period.code)
                if key not in computed:
                    computed[key] = kpi_metrics.compute(kpi.metric, programme, period, sections)
                value = computed[key]
                cells.append(Cell(period, value, COMPUTED if value is not None else MISSING))
            else:
                cells.append(Cell(period, None, MISSING))
        rows.append(KpiRow(kpi, cells, trend_of([cell.value for cell in cells], kpi.higher_is_better)))
    return rows


class AlreadyFrozen(Exception):
    """The period already has a stored value."""


class NothingToFreeze(Exception):
    """The KPI is not computed, or its metric has no value for the period."""


@transaction.atomic
def freeze(kpi: Kpi, period: Period, user) -> KpiValue:
    """Store the computed value of a period as it is now (audit-tracked), so it no longer follows the records."""
    if kpi.source != KpiSource.COMPUTED or kpi.metric not in kpi_metrics.METRICS:
        raise NothingToFreeze
    if KpiValue.objects.select_for_update().filter(kpi=kpi, period=period.code).exists():
        raise AlreadyFrozen
    value = kpi_metrics.compute(kpi.metric, kpi.programme, period)
    if value is None:
        raise NothingToFreeze
    return KpiValue.objects.create(kpi=kpi, period=period.code, value=value, entered_by=user)
