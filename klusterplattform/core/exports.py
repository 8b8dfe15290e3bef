"""The one export helper: a table of rows to CSV or XLSX, with user-written text made safe for spreadsheets.

A cell that starts with = + - @ (or a tab or carriage return) would be run as a formula by Excel and LibreOffice
("CSV injection"), so such text is written with a leading apostrophe, which spreadsheets show as plain text.
Every export in the platform goes through `export_response`, so no module can forget this. CSV files carry a BOM and
separate columns as the language's spreadsheets expect: `;` in Swedish (where the comma is the decimal sign), `,` in
English.
"""

import csv
import io
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.http import Http404, HttpResponse
from django.utils import timezone, translation
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

FORMATS = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class Column:
    header: str
    value: Callable  # row -> str | int | float | Decimal | date | None


def safe_cell(value):
    """The value as a spreadsheet should hold it: text never starts a formula; None is an empty cell."""
    if value is None:
        return ""
    if isinstance(value, Promise):  # a lazily translated label: its text in the current language
        value = str(value)
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _rows(columns: list[Column], rows: Iterable) -> Iterable[list]:
    yield [str(column.header) for column in columns]
    for row in rows:
        yield [safe_cell(column.value(row)) for column in columns]


def to_csv(columns: list[Column], rows: Iterable, delimiter: str | None = None) -> bytes:
    """CSV with a BOM, in the active language's dialect (`csv_delimiter`) unless a delimiter is given."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter or csv_delimiter())
    writer.writerows(_rows(columns, rows))
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")  # the BOM makes Excel read UTF-8 (å, ä, ö)


def to_xlsx(columns: list[Column], rows: Iterable, sheet_title: str = "Export") -> bytes:
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=sheet_title[:31])
    for values in _rows(columns, rows):
        sheet.append(values)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def to_workbook(sheets: Iterable[tuple[str, list[Column], Iterable]]) -> bytes:
    """An XLSX workbook with one sheet per (title, columns, rows); every cell goes through safe_cell."""
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    used = set()
    for title, columns, rows in sheets:
        name = _sheet_name(str(title), used)
        sheet = workbook.create_sheet(title=name)
        for values in _rows(columns, rows):
            sheet.append(values)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _sheet_name(title: str, used: set) -> str:
    """A valid, unique sheet name: at most 31 characters, none of []:*?/\\."""
    name = "".join("-" if char in "[]:*?/\\" else char for char in title).strip("'")[:31] or "Sheet"
    candidate, number = name, 2
    while candidate.lower() in used:
        suffix = f" ({number})"
        candidate, number = name[: 31 - len(suffix)] + suffix, number + 1
    used.add(candidate.lower())
    return candidate


def workbook_response(filename_stem: str, sheets: Iterable[tuple[str, list[Column], Iterable]]) -> HttpResponse:
    """Several tables as one XLSX attachment named `<stem>-<today>.xlsx` (one sheet per table)."""
    response = HttpResponse(to_workbook(sheets), content_type=FORMATS["xlsx"])
    filename = f"{filename_stem}-{timezone.localdate():%Y-%m-%d}.xlsx"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def export_response(
    file_format: str, filename_stem: str, columns: list[Column], rows: Iterable, delimiter: str | None = None
) -> HttpResponse:
    """An attachment named `<stem>-<today>.<format>`; ValueError for a format we do not write."""
    if file_format not in FORMATS:
        raise ValueError(f"Unknown export format {file_format!r}")
    body = to_csv(columns, rows, delimiter) if file_format == "csv" else to_xlsx(columns, rows, filename_stem)
    response = HttpResponse(body, content_type=FORMATS[file_format])
    filename = f"{filename_stem}-{timezone.localdate():%Y-%m-%d}.{file_format}"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def csv_delimiter() -> str:
    """The list separator spreadsheets expect in the active language: Swedish Excel uses the comma as the decimal
    sign and opens a double-clicked CSV file with ';' between columns; English uses ','."""
    return ";" if (translation.get_language() or "sv").startswith("sv") else ","


def list_export(file_format: str, filename_stem: str, columns: list[Column], rows: Iterable) -> HttpResponse:
    """The file behind a list page's `export.<format>` sibling route: every row of the list's own filtered,
    permission-limited query (not paged), in the language's CSV dialect; an unknown format is a 404 like any
    other address that does not exist."""
    if file_format not in FORMATS:
        raise Http404
    return export_response(file_format, filename_stem, columns, rows)


def yes_no(flag) -> str:
    return str(_("yes")) if flag else str(_("no"))
