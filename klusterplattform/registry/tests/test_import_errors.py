"""Every kind of bad row is reported with its spreadsheet row, its column and a reason, and nothing is written."""

import pytest

from klusterplattform.registry.importing import import_organisations
from klusterplattform.registry.models import Membership, Organisation

from .import_helpers import (
    create_cluster,
    create_regions,
    csv_bytes,
    english,  # noqa: F401 - autouse fixture
    org_number,
)

HEADER = ["Organisationsnummer", "name", "type", "postcode", "region", "cluster", "joined", "nace_code", "website"]
GOOD = [org_number(1), "Good AB", "sme", "111 22", "01", "testklustret", "2020-01-01", "62.01", "example.org"]

BAD_CELLS = [
    ("bad organisation-number checksum", 0, "556677-8890", "Organisationsnummer", "check digit is wrong"),
    ("organisation number too short", 0, "55667", "Organisationsnummer", "has 10 digits"),
    ("missing name", 1, "", "name", "must not be empty"),
    ("unknown type", 2, "startup", "type", "“startup” is not a known organisation type"),
    ("bad postcode", 3, "1234", "postcode", "five digits"),
    ("unknown region", 4, "99", "region", "“99” is not a region in the register"),
    ("unknown cluster", 5, "no-such-cluster", "cluster", "no cluster organisation with the slug"),
    ("bad date", 6, "01/02/2020", "joined", "YYYY-MM-DD"),
    ("bad NACE code", 7, "software", "nace_code", "62.01"),
    ("bad website", 8, "not a web address", "website", "is not a web address"),
]


@pytest.fixture
def regions(db):
    return create_regions()


@pytest.fixture
def cluster(db):
    return create_cluster()


@pytest.fixture
def stored(regions, cluster):
    """An organisation already in the register, to prove a failed import does not touch it either."""
    return Organisation.objects.create(key=f"SE:{org_number(9)}", name="Before", type="other")


def _assert_nothing_written(stored):
    assert list(Organisation.objects.values_list("name", flat=True)) == ["Before"]
    assert Membership.objects.count() == 0


@pytest.mark.parametrize(("case", "index", "value", "column", "reason"), BAD_CELLS, ids=[c[0] for c in BAD_CELLS])
def test_a_bad_cell_is_reported_with_row_column_and_reason_and_nothing_is_written(
    stored, case, index, value, column, reason
):
    bad = list(GOOD)
    bad[0] = org_number(2)
    bad[index] = value
    changed_stored = [org_number(9), "After", "sme", "", "", "", "", "", ""]
    result = import_organisations(csv_bytes([HEADER, GOOD, changed_stored, bad]), "members.csv")
    assert [(e.row, e.column) for e in result.errors] == [(4, column)]
    assert reason in result.errors[0].message
    _assert_nothing_written(stored)


def test_a_duplicate_key_in_the_file_names_the_first_row(stored):
    again = [f" {org_number(1).replace('-', '')} ", "Good again", "sme", "", "", "", "", "", ""]
    result = import_organisations(csv_bytes([HEADER, GOOD, again]), "members.csv")
    assert [(e.row, e.column, e.message) for e in result.errors] == [
        (3, "Organisationsnummer", "The same organisation is already on row 2.")
    ]
    _assert_nothing_written(stored)


def test_a_row_without_any_key_is_refused(stored):
    result = import_organisations(
        csv_bytes([["name", "type", "vat_number", "other_id"], ["No key", "sme", "", ""]]), "a.csv"
    )
    assert [(e.row, e.column) for e in result.errors] == [(2, "organisation_number / vat_number / other_id")]
    _assert_nothing_written(stored)


def test_a_row_with_several_problems_reports_each_of_them(stored):
    result = import_organisations(
        csv_bytes([HEADER, [org_number(1), "", "startup", "12", "99", "", "2020-13-01", "", ""]]), "a.csv"
    )
    assert [e.column for e in result.errors] == ["type", "region", "joined", "name", "postcode"]
    assert {e.row for e in result.errors} == {2}


def test_every_bad_row_is_reported_not_only_the_first_ones(stored):
    rows = [HEADER] + [[org_number(100 + i), f"Org {i}", "startup", "", "", "", "", "", ""] for i in range(500)]
    result = import_organisations(csv_bytes(rows), "a.csv")
    assert len(result.errors) == 500 and result.errors[-1].row == 501
    _assert_nothing_written(stored)


def test_a_municipality_code_outside_sweden_or_in_an_unknown_lan_is_refused(stored):
    rows = [
        ["other_id", "name", "type", "country", "municipality_code", "region"],
        ["a", "Münchner GmbH", "sme", "DE", "0180", ""],
        ["b", "Nowhere AB", "sme", "SE", "9999", ""],
        ["c", "Mismatch AB", "sme", "SE", "0180", "12"],
        ["d", "Bad country", "sme", "XX", "", ""],
    ]
    result = import_organisations(csv_bytes(rows), "a.csv")
    assert [(e.row, e.column) for e in result.errors] == [
        (2, "municipality_code"),
        (3, "municipality_code"),
        (4, "region"),
        (5, "country"),
    ]
    _assert_nothing_written(stored)


def test_an_unknown_cluster_option_is_refused_before_reading_rows(stored):
    result = import_organisations(csv_bytes([HEADER, GOOD]), "a.csv", cluster="no-such-cluster")
    assert [(e.row, e.column) for e in result.errors] == [(None, "cluster")]
    _assert_nothing_written(stored)


def test_a_membership_kind_without_any_cluster_is_refused(stored):
    rows = [["other_id", "name", "type", "membership_kind"], ["a", "A", "sme", "member"]]
    result = import_organisations(csv_bytes(rows), "a.csv")
    assert [(e.row, e.column) for e in result.errors] == [(2, "cluster")]


def test_a_header_only_file_is_an_error_not_a_silent_success(stored):
    result = import_organisations(csv_bytes([HEADER]), "a.csv")
    assert not result.ok and "no data rows" in result.errors[0].message
