"""The benchmark report as the page and the PDF show it: every figure formatted once, in Python.

Formatting each cell in the template (`floatformat` with its localisation, some 440 times a page) was a third of
the page's time at 5,000 peers. `figure` writes a number exactly as `floatformat` does (half up, the language's
decimal mark, no grouping as USE_THOUSAND_SEPARATOR is off), so the page reads the same as before.
"""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django.utils.formats import get_format, localize, number_format
from django.utils.safestring import SafeString

from ..choices import Direction

DASH = SafeString("–")
_QUANTUM = {0: Decimal(1), 1: Decimal("0.1")}


class Figures:
    """Writes numbers like `floatformat:0` (digits=0) and `floatformat:"-1"` (digits=1, no decimals for whole
    numbers) in the current language; the decimal mark is looked up once, not per cell."""

    def __init__(self):
        self.mark = get_format("DECIMAL_SEPARATOR")

    def __call__(self, value, digits: int = 1) -> str:
        if value is None or value == "":
            return DASH
        try:
            exact = Decimal(str(value))
        except InvalidOperation:
            return DASH
        if not exact.is_finite():
            return DASH
        if digits and exact == exact.to_integral_value():
            digits = 0
        rounded = exact.quantize(_QUANTUM[digits], rounding=ROUND_HALF_UP)
        if not rounded:
            rounded = abs(rounded)  # floatformat writes -0.2 as "0", not "-0"
        if abs(rounded) >= 1000:  # rare: let Django handle anything where grouping could apply
            return SafeString(number_format(rounded, digits))
        # Safe: only digits, a sign and the decimal mark, so the template need not escape ~600 cells a page.
        text = f"{rounded:f}"
        return SafeString(text.replace(".", self.mark) if digits else text)


@dataclass
class IndicatorRow:
    """One indicator's line in the tables, its chart and the caption under it."""

    code: str
    question: str
    unit: str
    compared: bool  # enough peer answers for a distribution
    judged: bool
    neutral: bool
    n: str  # the number of peers, localised as the template would write the int
    value: str
    median: str
    q1: str
    q3: str
    rank: str
    position: str
    previous_value: str
    value_change: str
    previous_position: str
    position_change: str
    chart: str | None = None

    @property
    def caption(self) -> str:
        return f"{self.code} {self.question}"


@dataclass
class AreaRow:
    label: str
    score: str
    previous_score: str
    score_change: str
    rows: list[IndicatorRow]


@dataclass
class Ranked:
    """An indicator in the strengths, weaknesses or recommendations."""

    code: str
    question: str
    position: str


def indicator_row(result, figure: Figures) -> IndicatorRow:
    indicator, standing = result.indicator, result.standing
    compared = standing.has_distribution
    return IndicatorRow(
        code=indicator.code,
        question=indicator.question,
        unit=indicator.unit,
        compared=compared,
        judged=result.is_judged,
        neutral=indicator.direction == Direction.NEUTRAL,
        n=localize(standing.n),
        value=figure(result.value),
        median=figure(standing.median) if compared else DASH,
        q1=figure(standing.q1) if compared else DASH,
        q3=figure(standing.q3) if compared else DASH,
        rank=figure(standing.rank, 0) if compared else DASH,
        position=figure(result.position, 0),
        previous_value=figure(result.previous_value),
        value_change=figure(result.value_change),
        previous_position=figure(result.previous_position, 0),
        position_change=figure(result.position_change, 0),
    )


@dataclass
class Advice:
    area_label: str
    text: str
    rows: list[IndicatorRow]


@dataclass
class Presentation:
    """What benchmark_sections.html shows; figures are strings, ready to print."""

    areas: list[AreaRow]
    rows: list[IndicatorRow]
    strengths: list[IndicatorRow]
    weaknesses: list[IndicatorRow]
    advice: list[Advice]
    overall: str
    previous_overall: str
    overall_change: str


def present(report) -> Presentation | None:
    """The shown report's figures as text in the current language; None when there is nothing to show."""
    if not report.shown:
        return None
    figure = Figures()
    rows = {id(result): indicator_row(result, figure) for result in report.indicators}

    def lines(results):
        return [rows[id(result)] for result in results]

    return Presentation(
        areas=[
            AreaRow(
                area.label,
                figure(area.score, 0),
                figure(area.previous_score, 0),
                figure(area.score_change, 0),
                lines(area.indicators),
            )
            for area in report.areas
        ],
        rows=list(rows.values()),
        strengths=lines(report.strengths),
        weaknesses=lines(report.weaknesses),
        advice=[
            Advice(recommendation.area_label, recommendation.text, lines(recommendation.indicators))
            for recommendation in report.recommendations
        ],
        overall=figure(report.overall, 0),
        previous_overall=figure(report.previous_overall, 0),
        overall_change=figure(report.overall_change, 0),
    )
