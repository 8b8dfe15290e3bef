"""The one export helper: CSV and XLSX from the same columns, and user text that can never become a formula."""

import csv
import datetime
import io
from decimal import Decimal

import pytest
from django.utils import translation
from openpyxl import load_workbook

from klusterplattform.core.exports import (
    Column,
    export_response,
    safe_cell,
    to_csv,
    to_workbook,
    to_xlsx,
    workbook_response,
)

COLUMNS = [
    Column("Name", lambda r: r["name"]),
    Column("Founded", lambda r: r["founded"]),
    Column("FTE", lambda r: r["fte"]),
]
ROWS = [
    {"name": '=HYPERLINK("http://evil.example")', "founded": datetime.date(2005, 3, 1), "fte": Decimal("2.5")},
    {"name": "Åre Kluster", "founded": None, "fte": None},
    {"name": "+46 70", "founded": None, "fte": 3},
    {"name": "@SUM(A1)", "founded": None, "fte": -1},
]


@pytest.mark.parametrize("text", ["=1+1", "+1", "-1", "@A1", "\tx", "\rx"])
def test_text_that_would_start_a_formula_is_written_as_plain_text(text):
    assert safe_cell(text) == "'" + text


def test_numbers_dates_and_ordinary_text_are_kept_as_they_are():
    assert safe_cell(-1) == -1 and safe_cell("Åre") == "Åre" and safe_cell(None) == ""
    assert safe_cell(datetime.date(2020, 1, 1)) == datetime.date(2020, 1, 1)


def test_csv_has_a_bom_a_header_and_neutralised_formulas():
    with translation.override("sv"):
        body = to_csv(COLUMNS, ROWS)
    assert body.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == ["Name", "Founded", "FTE"]
    assert rows[1] == ['\'=HYPERLINK("http://evil.example")', "2005-03-01", "2.5"]
    assert rows[2][0] == "Åre Kluster" and rows[3][0] == "'+46 70" and rows[4][0] == "'@SUM(A1)"


def test_csv_separates_columns_as_the_language_s_spreadsheets_expect():
    with translation.override("sv"):
        swedish = to_csv(COLUMNS, ROWS).decode("utf-8-sig")
    with translation.override("en"):
        english = to_csv(COLUMNS, ROWS).decode("utf-8-sig")
    assert swedish.splitlines()[0] == "Name;Founded;FTE"
    assert english.splitlines()[0] == "Name,Founded,FTE"


def test_xlsx_holds_no_formula_cell_and_keeps_numbers_as_numbers():
    sheet = load_workbook(io.BytesIO(to_xlsx(COLUMNS, ROWS))).active
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)
    assert values[1][0] == '\'=HYPERLINK("http://evil.example")'
    assert values[4][2] == -1 and values[3][2] == 3


def test_the_response_is_a_dated_attachment_and_unknown_formats_are_refused():
    response = export_response("csv", "kluster", COLUMNS, ROWS)
    assert response["Content-Type"].startswith("text/csv")
    assert response["Content-Disposition"].startswith('attachment; filename="kluster-')
    with pytest.raises(ValueError):
        export_response("pdf", "kluster", COLUMNS, ROWS)


def test_a_workbook_has_one_sheet_per_table_and_no_formula_in_any_of_them():
    other = [Column("Note", lambda r: r)]
    sheets = [("Clusters", COLUMNS, ROWS), ("Notes: a/b", other, ["-1+1", "@cmd", "plain"]), ("Clusters", other, [])]
    book = load_workbook(io.BytesIO(to_workbook(sheets)))
    assert book.sheetnames == ["Clusters", "Notes- a-b", "Clusters (2)"]  # valid, unique sheet names
    for sheet in book.worksheets:
        assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)
    assert book["Clusters"]["A2"].value == '\'=HYPERLINK("http://evil.example")'
    assert [c.value for c in book["Notes- a-b"]["A"]] == ["Note", "'-1+1", "'@cmd", "plain"]
    assert book["Clusters"]["C5"].value == -1


def test_the_workbook_response_is_a_dated_xlsx_attachment():
    response = workbook_response("behov", [("A", COLUMNS, ROWS)])
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert response["Content-Disposition"].startswith('attachment; filename="behov-')
