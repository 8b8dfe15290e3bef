"""Read an uploaded CSV or XLSX file into rows of text cells, numbered as a spreadsheet shows them (header = 1)."""

import csv
import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time

from django.utils.translation import gettext as _

from .result import FileError

XLSX_MAGIC = b"PK\x03\x04"
DELIMITERS = (";", ",", "\t")


@dataclass
class Table:
    header_row: int
    header: list[str]
    rows: Iterator[tuple[int, list[str]]]  # (spreadsheet row number, cells as text)
    estimated_rows: int | None


def file_kind(filename: str, data: bytes) -> str:
    """'csv' or 'xlsx', judged by the extension and confirmed by the content, or a FileError saying what is wrong."""
    name = (filename or "").lower()
    if name.endswith(".xlsx"):
        if not data.startswith(XLSX_MAGIC):
            raise FileError(_("The file is named .xlsx but is not an Excel workbook."))
        return "xlsx"
    if name.endswith(".csv"):
        if data.startswith(XLSX_MAGIC) or b"\x00" in data[:4096]:
            raise FileError(_("The file is named .csv but is not a text file (is it a spreadsheet saved as .csv?)."))
        return "csv"
    if name.endswith(".xls"):
        raise FileError(_("Old Excel files (.xls) are not supported: save the sheet as .xlsx or as CSV UTF-8."))
    raise FileError(_("Upload a .csv or .xlsx file."))


def read_table(data: bytes, filename: str) -> Table:
    return _read_xlsx(data) if file_kind(filename, data) == "xlsx" else _read_csv(data)


def _read_csv(data: bytes) -> Table:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise FileError(
            _("The file is not UTF-8 text (first bad byte on line %(line)s). Save it as “CSV UTF-8” and try again.")
            % {"line": line}
        ) from None
    first = next((line for line in io.StringIO(text) if line.strip()), "").rstrip("\r\n")
    # Excel writes a "sep=;" line first when asked to; it does not show it as a row, so neither do we.
    skip_sep_line = first.lower().startswith("sep=") and len(first.strip()) == 5
    if skip_sep_line:
        delimiter = first.strip()[4]
        text = text.split("\n", 1)[1] if "\n" in text else ""
    else:
        delimiter = max(DELIMITERS, key=first.count) if first else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    return _with_header(_numbered_csv_rows(reader), text.count("\n"))


def _numbered_csv_rows(reader) -> Iterator[tuple[int, list[str]]]:
    number = 0
    try:
        for number, cells in enumerate(reader, start=1):
            yield number, cells
    except csv.Error as exc:
        raise FileError(_("The CSV file is malformed: %(reason)s") % {"reason": exc}, row=number + 1) from None


def _read_xlsx(data: bytes) -> Table:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        sheet = workbook.worksheets[0]
    except (zipfile.BadZipFile, KeyError, IndexError, OSError, ValueError) as exc:
        raise FileError(_("The Excel workbook cannot be read: %(reason)s") % {"reason": exc}) from None
    rows = ((number, [_cell_text(value) for value in values]) for number, values in enumerate(sheet.values, start=1))
    return _with_header(rows, (sheet.max_row or 1) - 1)


def _cell_text(value) -> str:
    """Spreadsheet cells come typed; the validators work on text, as they do for CSV."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time(0) else value.isoformat(sep=" ")
    if isinstance(value, date | time):
        return value.isoformat()
    return str(value)


def _with_header(rows: Iterator[tuple[int, list[str]]], estimated_rows: int) -> Table:
    for number, cells in rows:
        if any(cell.strip() for cell in cells):
            return Table(number, [cell.strip() for cell in cells], rows, estimated_rows)
    raise FileError(_("The file is empty: the first row must name the columns."), row=1)
