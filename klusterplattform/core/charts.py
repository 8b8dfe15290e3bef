"""Server-rendered SVG charts: the same markup in pages and PDFs, readable without JavaScript.

Each chart is an <svg role="img"> with a <title> and a <desc> (referenced by aria-labelledby) that says in words
what it shows; pages put the numbers in a table beside it as well. All text is escaped here, so callers may pass
user-written names. Colours meet WCAG contrast against white; shapes, not colour alone, carry the meaning.
"""

import itertools
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

_ids = itertools.count(1)

BAR = "#1d5f8a"
MUTED = "#6b7280"
AXIS = "#374151"
BOX = "#c7dbe9"
MARKER = "#b3261e"


@dataclass(frozen=True)
class Row:
    """One bar: its label, its value (None draws no bar and says "no value") and the text written beside it."""

    label: str
    value: float | None
    text: str = ""


def _number(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _frame(width: int, height: int, title: str, desc: str, body: str) -> SafeString:
    uid = next(_ids)
    return mark_safe(
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" aria-labelledby="chart-{uid}-title chart-{uid}-desc" class="chart">'
        f'<title id="chart-{uid}-title">{escape(title)}</title><desc id="chart-{uid}-desc">{escape(desc)}</desc>'
        f'<g font-family="DejaVu Sans, Arial, sans-serif" font-size="12" fill="{AXIS}">{body}</g></svg>'
    )


def bar_chart(
    rows,
    *,
    title: str,
    desc: str,
    maximum: float = 100.0,
    reference: float | None = None,
    width: int = 640,
    label_width: int = 240,
) -> SafeString:
    """Horizontal bars from 0 to `maximum`, one per row, with an optional dashed reference line (e.g. the middle)."""
    rows = [row if isinstance(row, Row) else Row(*row) for row in rows]
    bar_height, gap, top = 18, 10, 8
    plot = width - label_width - 70
    height = top + len(rows) * (bar_height + gap) + 24
    parts = []
    for index, row in enumerate(rows):
        y = top + index * (bar_height + gap)
        parts.append(f'<text x="{label_width - 8}" y="{y + 13}" text-anchor="end">{escape(row.label[:40])}</text>')
        if row.value is not None:
            length = max(0.0, min(row.value, maximum)) / maximum * plot
            parts.append(f'<rect x="{label_width}" y="{y}" width="{length:.1f}" height="{bar_height}" fill="{BAR}"/>')
        text = row.text or ("–" if row.value is None else _number(row.value))
        x = label_width + (0 if row.value is None else max(0.0, min(row.value, maximum)) / maximum * plot) + 6
        parts.append(f'<text x="{x:.1f}" y="{y + 13}">{escape(text)}</text>')
    axis_y = height - 20
    parts.append(f'<line x1="{label_width}" y1="{top - 4}" x2="{label_width}" y2="{axis_y}" stroke="{AXIS}"/>')
    for tick in (0, maximum / 2, maximum):
        x = label_width + tick / maximum * plot
        parts.append(f'<text x="{x:.1f}" y="{axis_y + 14}" text-anchor="middle" fill="{MUTED}">{_number(tick)}</text>')
    if reference is not None:
        x = label_width + reference / maximum * plot
        parts.append(
            f'<line x1="{x:.1f}" y1="{top - 4}" x2="{x:.1f}" y2="{axis_y}" stroke="{MUTED}" stroke-dasharray="4 3"/>'
        )
    return _frame(width, height, title, desc, "".join(parts))


def distribution_chart(
    value: float | None,
    q1: float,
    median: float,
    q3: float,
    low: float,
    high: float,
    *,
    title: str,
    desc: str,
    width: int = 320,
) -> SafeString:
    """The peers' range (low–high line), quartile box (Q1–Q3) with the median, and the cluster's value as a
    diamond (absent when the cluster did not answer)."""
    height, pad, mid = 44, 12, 18
    lowest = min(low, value) if value is not None else low
    highest = max(high, value) if value is not None else high
    span = (highest - lowest) or 1.0

    def x(v: float) -> float:
        return pad + (v - lowest) / span * (width - 2 * pad)

    parts = [
        f'<line x1="{x(low):.1f}" y1="{mid}" x2="{x(high):.1f}" y2="{mid}" stroke="{AXIS}"/>',
        f'<rect x="{x(q1):.1f}" y="{mid - 8}" width="{max(x(q3) - x(q1), 1):.1f}" height="16" fill="{BOX}" '
        f'stroke="{AXIS}"/>',
        f'<line x1="{x(median):.1f}" y1="{mid - 10}" x2="{x(median):.1f}" y2="{mid + 10}" stroke="{AXIS}" '
        f'stroke-width="3"/>',
        f'<text x="{x(low):.1f}" y="{height - 2}" text-anchor="start" fill="{MUTED}">{escape(_number(low))}</text>',
        f'<text x="{x(high):.1f}" y="{height - 2}" text-anchor="end" fill="{MUTED}">{escape(_number(high))}</text>',
    ]
    if value is not None:
        cx = x(value)
        parts.append(
            f'<path d="M{cx:.1f} {mid - 9} L{cx + 7:.1f} {mid} L{cx:.1f} {mid + 9} L{cx - 7:.1f} {mid} Z" '
            f'fill="{MARKER}" stroke="#fff"/>'
        )
    return _frame(width, height, title, desc, "".join(parts))
