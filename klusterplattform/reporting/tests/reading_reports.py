"""Reading the reports back in tests: XLSX sheets as lists of rows, PDF text (pypdf), page counts, zip members."""

import csv
import io
import zipfile

from openpyxl import load_workbook
from pypdf import PdfReader


def workbook(content: bytes) -> dict[str, list[list]]:
    """Sheet title -> rows (lists of cell values), in the workbook's order."""
    book = load_workbook(io.BytesIO(content), read_only=True)
    return {sheet.title: [list(row) for row in sheet.iter_rows(values_only=True)] for sheet in book.worksheets}


def cells(sheets: dict) -> list:
    return [value for rows in sheets.values() for row in rows for value in row if value is not None]


def pdf_text(content: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def pdf_pages(content: bytes) -> int:
    return len(PdfReader(io.BytesIO(content)).pages)


def zip_members(content: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def csv_rows(content: bytes) -> list[list[str]]:
    """A CSV written by core/exports: UTF-8 with a BOM; the delimiter as the writer chose (comma or semicolon)."""
    assert content.startswith("\ufeff".encode())
    text = content.decode("utf-8-sig")
    header = text.splitlines()[0]
    delimiter = ";" if header.count(";") > header.count(",") else ","
    return list(csv.reader(io.StringIO(text), delimiter=delimiter))


def sheet_by_file(sheets: dict, code: str) -> list[list]:
    """An evaluation export's sheet found through its data dictionary (sheet titles are translated, file codes
    are not): the dictionary's rows are (sheet, file, column, meaning, unit, source)."""
    dictionary = list(sheets.values())[-1]
    titles = {row[1]: row[0] for row in dictionary[1:]}
    return sheets[titles[f"{code}.csv"]]
