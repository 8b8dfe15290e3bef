"""The programme report: every dashboard section built once for a scope, then shown as a PDF (the sections'
templates, charts included) or as an XLSX workbook (the sections' sheets plus an "About" sheet).

`figures.build_all(scope)` builds the sections in the dashboard's order for the dashboard page and the reports alike,
so a page and its report always show the same figures.
"""

import datetime
from dataclasses import dataclass, field

from django.template.loader import select_template
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from klusterplattform.core.exports import Column
from klusterplattform.registry.models import Region

from ..figures import section_module
from .sources import SOURCES


def section_sheets(built) -> list[tuple[str, list[Column], list]]:
    """The sections' tables, one sheet each, in the report's order."""
    return [sheet for name, section in built for sheet in section_module(name).sheets(section)]


@dataclass
class ReportMeta:
    """What the title page and the "About" sheet say about a report."""

    programme: object
    as_of: datetime.date
    regions: list = field(default_factory=list)  # the reader's regions when the figures are limited to them
    generated_at: datetime.datetime = field(default_factory=timezone.localtime)
    sources: tuple = SOURCES

    @property
    def is_demo(self) -> bool:
        return bool(self.programme.is_demo)

    @property
    def region_names(self) -> str:
        return ", ".join(region.name for region in self.regions)


def meta_for(scope) -> ReportMeta:
    regions = []
    if scope.region_ids is not None:
        regions = list(Region.objects.filter(pk__in=scope.region_ids).order_by("code"))
    return ReportMeta(programme=scope.programme, as_of=scope.as_of, regions=regions)


def about_sheet(meta: ReportMeta, title=None) -> tuple[str, list[Column], list]:
    """The "About" sheet: what the workbook is about and where its figures come from."""
    rows = [
        (_("Programme"), meta.programme.name, ""),
        (_("Programme (code)"), meta.programme.slug, ""),
        (_("As of"), meta.as_of, ""),
        (_("Regions"), meta.region_names or _("All"), ""),
        (_("Generated"), meta.generated_at.strftime("%Y-%m-%d %H:%M"), ""),
        (_("Demo data"), _("yes") if meta.is_demo else _("no"), ""),
    ]
    rows += [(_("Data source"), source.name, source.kind_label) for source in meta.sources]
    columns = [
        Column(_("Item"), lambda row: row[0]),
        Column(_("Value"), lambda row: row[1]),
        Column(_("Kind"), lambda row: row[2]),
    ]
    return (title or _("About"), columns, rows)


SHEETS_TEMPLATE = "reporting/includes/report_sheets.html"


@dataclass(frozen=True)
class ShownSection:
    """A section as the PDF shows it: its template (or, if it has none, its sheets as plain tables)."""

    name: str
    section: object
    template: str  # the template's name
    tables: list


def shown_sections(built) -> list[ShownSection]:
    shown = []
    for name, section in built:
        template = select_template([f"reporting/sections/{name}.html", SHEETS_TEMPLATE]).template.name
        tables = (
            [table_of(sheet) for sheet in section_module(name).sheets(section)] if template == SHEETS_TEMPLATE else []
        )
        shown.append(ShownSection(name, section, template, tables))
    return shown


@dataclass(frozen=True)
class Table:
    title: str
    headers: list
    rows: list


def table_of(sheet) -> Table:
    title, columns, rows = sheet
    return Table(str(title), [str(column.header) for column in columns], [[c.value(r) for c in columns] for r in rows])


def filename(kind: str, scope, extension: str, region=None) -> str:
    """<kind>-<programme>[-<län>]-<as of>-<language>.<extension>: a Swedish and an English download never clash."""
    place = [region.code] if region is not None else []
    parts = [kind, scope.programme.slug, *place, f"{scope.as_of:%Y-%m-%d}", get_language() or "sv"]
    return "-".join(parts) + f".{extension}"
