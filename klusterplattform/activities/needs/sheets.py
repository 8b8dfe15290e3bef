"""The needs analysis as workbook sheets (XLSX export): the same figures and the same disclosure rules as the page.

Sheets: the ranking of needs, the areas, the focus areas (measured and stated side by side), stated needs; for
officers also the drill-down (every cluster's position per indicator) and the stated free texts; for cluster
managers their own clusters' positions. Without aggregate figures (small group, not an officer) the aggregate
sheets hold no rows and a note sheet says why.
"""

from django.utils.translation import gettext as _

from klusterplattform.core.exports import Column


def _round(value, digits=1):
    return None if value is None else round(value, digits)


def _direction(need) -> str:
    from klusterplattform.excellence.choices import Direction

    return str(Direction(need.direction).label) if need.direction in Direction.values else need.direction


def need_columns(indicators: bool) -> list[Column]:
    """Columns of a need: an indicator (with rank, code and direction) or an area."""
    if indicators:
        columns = [
            Column(_("Rank"), lambda n: n.rank),
            Column(_("Code"), lambda n: n.code),
            Column(_("Indicator"), lambda n: n.label),
            Column(_("Area"), lambda n: n.area_label),
            Column(_("Direction"), _direction),
        ]
    else:
        columns = [Column(_("Area"), lambda n: n.label)]
    return columns + [
        Column(_("Judged clusters"), lambda n: n.judged_count),
        Column(_("Below the peers' median"), lambda n: n.below_count),
        Column(_("Share below the median (%)"), lambda n: _round(n.below_share)),
        Column(_("In the bottom quartile"), lambda n: n.bottom_count),
        Column(_("Share in the bottom quartile (%)"), lambda n: _round(n.bottom_share)),
        Column(_("Programme median"), lambda n: _round(n.programme_median, 2)),
        Column(_("Peers' median"), lambda n: _round(n.peer_median, 2)),
        Column(_("Gap (negative is worse)"), lambda n: _round(n.gap, 2)),
    ]


def workbook(result) -> list[tuple]:
    shown = result.aggregate_shown
    sheets = []
    if not shown:
        sheets.append((_("Note"), [Column(_("Note"), lambda text: text)], [notice(result)]))
    sheets.append((_("Needs ranking"), need_columns(True), result.ranking if shown else []))
    sheets.append((_("Areas"), need_columns(False), result.areas if shown else []))
    focus_columns = [
        Column(_("Focus area"), lambda f: f.focus_area.name),
        Column(_("Need score: mean share below the median (%)"), lambda f: _round(f.score)),
        Column(_("Needs covered"), lambda f: ", ".join(f"{n.rank}. {n.code}" for n in f.needs)),
        Column(_("Suggested activity themes"), lambda f: "; ".join(f.themes)),
        Column(_("Mean stated priority (1–5)"), lambda f: _round(f.stated_mean, 2)),
        Column(_("Clusters that stated a priority"), lambda f: f.stated_count),
    ]
    sheets.append((_("Focus areas"), focus_columns, result.focus if shown else []))
    if result.audience.drill_down:
        drill = [
            Column(_("Code"), lambda row: row[0].code),
            Column(_("Indicator"), lambda row: row[0].label),
            Column(_("Cluster"), lambda row: row[1].name),
            Column(_("Value"), lambda row: row[1].value),
            Column(_("Position (0–100)"), lambda row: _round(row[1].position)),
            Column(_("Below the median"), lambda row: _("yes") if row[1].below_median else _("no")),
            Column(_("In the bottom quartile"), lambda row: _("yes") if row[1].bottom_quartile else _("no")),
        ]
        rows = [(need, position) for need in result.ranking for position in need.positions]
        sheets.append((_("Drill-down"), drill, rows))
        texts = [Column(_("Cluster"), lambda t: t.cluster_name), Column(_("Other needs"), lambda t: t.text)]
        sheets.append((_("Stated free texts"), texts, result.stated_texts))
    elif result.own_clusters:
        own = [
            Column(_("Cluster"), lambda row: row[1].name),
            Column(_("Code"), lambda row: row[0].code),
            Column(_("Indicator"), lambda row: row[0].label),
            Column(_("Value"), lambda row: row[1].value),
            Column(_("Position (0–100)"), lambda row: _round(row[1].position)),
        ]
        mine = result.audience.own_cluster_ids
        rows = [(need, p) for need in result.indicators for p in need.positions if p.cluster_id in mine]
        sheets.append((_("Own position"), own, rows))
    return sheets


def notice(result) -> str:
    from klusterplattform.excellence.benchmark.maths import MIN_GROUP

    if result.round is None or not result.cluster_count:
        return _("There are no validated self-assessments with a benchmark in this round yet.")
    return _(
        "Only %(count)s clusters have a benchmark in this round. Figures for groups of fewer than %(minimum)s are not "
        "shown, so that no single cluster's answers can be recognised."
    ) % {"count": result.cluster_count, "minimum": MIN_GROUP}
