"""Good files in every accepted shape import the same organisations; unreadable files get a clear message."""

from datetime import datetime

import pytest

from klusterplattform.registry.importing import import_organisations
from klusterplattform.registry.models import Membership, Organisation

from .import_helpers import (
    HEADER,
    create_cluster,
    create_regions,
    csv_bytes,
    english,  # noqa: F401 - autouse fixture
    org_number,
    xlsx_bytes,
)

ROWS = [
    HEADER,
    [org_number(1), "Ångström Bygg AB", "sme", "111 22", "0180", "", "www.angstrom.example.org"],
    [org_number(2), "Lunds universitet", "research", "", "", "12", "https://www.lu.example.org"],
    [org_number(3), "Göteborgs Stad", "public_body", "", "1480", "", ""],
]


@pytest.fixture
def regions(db):
    return create_regions()


@pytest.fixture
def cluster(db):
    return create_cluster()


def _stored():
    return {
        o.name: (o.key, o.type, o.postcode, o.municipality_code, o.region.code if o.region else None, o.website)
        for o in Organisation.objects.select_related("region")
    }


EXPECTED = {
    "Ångström Bygg AB": (
        f"SE:{org_number(1)}",
        "sme",
        "11122",
        "0180",
        "01",
        "https://www.angstrom.example.org",
    ),
    "Lunds universitet": (f"SE:{org_number(2)}", "research", "", "", "12", "https://www.lu.example.org"),
    "Göteborgs Stad": (f"SE:{org_number(3)}", "public_body", "", "1480", "14", ""),
}


@pytest.mark.parametrize(
    ("delimiter", "bom"),
    [(",", False), (";", False), (";", True), (",", True)],
    ids=["comma", "semicolon", "semicolon-bom", "comma-bom"],
)
def test_a_good_csv_imports_every_row_whatever_the_delimiter_and_bom(regions, delimiter, bom):
    result = import_organisations(csv_bytes(ROWS, delimiter, bom), "members.csv")
    assert result.ok, result.errors
    assert (result.rows, result.created, result.updated) == (3, 3, 0)
    assert _stored() == EXPECTED


def test_a_good_xlsx_imports_like_the_csv_with_typed_cells(regions):
    rows = [r[:] for r in ROWS]
    rows[1][4] = 180  # Excel keeps kommunkod 0180 as the number 180
    rows[2][5] = 12
    result = import_organisations(xlsx_bytes(rows), "members.xlsx")
    assert result.ok, result.errors
    assert _stored() == EXPECTED


def test_xlsx_dates_and_swedish_headers_are_understood(regions, cluster):
    rows = [
        ["Organisationsnummer", "Namn", "Typ", "Kluster", "Medlemskap", "Inträde"],
        [org_number(1), "Ångström Bygg AB", "smf", "testklustret", "deltagare", datetime(2021, 3, 1)],
    ]
    result = import_organisations(xlsx_bytes(rows), "medlemmar.xlsx")
    assert result.ok, result.errors
    membership = Membership.objects.get()
    assert (membership.kind, membership.joined.isoformat(), membership.organisation.type) == (
        "participant",
        "2021-03-01",
        "sme",
    )


def test_excel_sep_line_is_skipped_and_rows_keep_spreadsheet_numbers(regions):
    data = b"sep=;\r\n" + csv_bytes([["name", "other_id", "type"], ["X", "a", "sme"], ["Y", "b", "nonsense"]], ";")
    result = import_organisations(data, "members.csv")
    assert [(e.row, e.column) for e in result.errors] == [(3, "type")]


def test_unknown_columns_are_reported_as_warnings_and_ignored(regions):
    result = import_organisations(
        csv_bytes([["name", "other_id", "type", "colour"], ["X", "a", "sme", "red"]]), "a.csv"
    )
    assert result.ok
    assert result.warnings == ["Column “colour” is not an import column and was ignored."]


def test_a_file_that_is_not_utf8_is_refused_with_the_line_and_a_remedy(db):
    data = "name,other_id,type\nÅkesson,a,sme\n".encode("cp1252")
    result = import_organisations(data, "members.csv")
    assert not result.ok and Organisation.objects.count() == 0
    assert "not UTF-8" in result.errors[0].message and "line 2" in result.errors[0].message


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("members.pdf", b"%PDF-1.4", "Upload a .csv or .xlsx file."),
        ("members.xlsx", b"name,type\n", "not an Excel workbook"),
        ("members.csv", b"PK\x03\x04rest-of-a-zip", "not a text file"),
        ("members.xls", b"\xd0\xcf\x11\xe0", "Old Excel files"),
        ("members.csv", b"", "The file is empty"),
    ],
)
def test_a_file_of_the_wrong_kind_gets_a_clear_error(db, name, data, reason):
    result = import_organisations(data, name)
    assert not result.ok
    assert reason in result.errors[0].message


def test_a_header_without_name_type_or_key_column_is_refused_on_row_one(db):
    result = import_organisations(csv_bytes([["namn", "colour"], ["X", "red"]]), "a.csv")
    assert {(e.row, e.column) for e in result.errors} == {
        (1, "type"),
        (1, "organisation_number / vat_number / other_id"),
    }


def test_two_headers_meaning_the_same_column_are_refused(db):
    result = import_organisations(csv_bytes([["name", "namn", "type", "other_id"], ["X", "X", "sme", "1"]]), "a.csv")
    assert [(e.row, e.column) for e in result.errors] == [(1, "namn")]
