"""The import commands: a summary with rows/s on success, every problem and a non-zero exit on a bad file."""

import io

import pytest
from django.core.management import CommandError, call_command

from klusterplattform.registry.models import Membership, Organisation, Postcode

from .import_helpers import (
    create_cluster,
    create_regions,
    csv_bytes,
    english,  # noqa: F401 - autouse fixture
    org_number,
)


@pytest.fixture
def regions(db):
    return create_regions()


def _call(*args):
    out, err = io.StringIO(), io.StringIO()
    call_command(*args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def _members_file(tmp_path, rows):
    path = tmp_path / "members.csv"
    path.write_bytes(csv_bytes([["organisation_number", "name", "type", "municipality_code"], *rows]))
    return path


def test_import_command_reports_counts_and_rows_per_second_and_draws_progress_on_stderr(tmp_path, regions):
    create_cluster()
    path = _members_file(tmp_path, [[org_number(i), f"Org {i}", "sme", "1280"] for i in range(30)])
    out, err = _call("import_organisations", str(path), "--cluster", "testklustret")
    assert "Organisations: 30 created, 0 updated. Memberships: 30 created, 0 updated." in out
    assert "30 rows in" in out and "rows/s" in out
    assert "Writing" in err and "30/30" in err
    assert Organisation.objects.filter(region__code="12").count() == 30 and Membership.objects.count() == 30


def test_import_command_dry_run_writes_nothing(tmp_path, regions):
    out, _ = _call("import_organisations", str(_members_file(tmp_path, [[org_number(1), "A", "sme", ""]])), "--dry-run")
    assert "1 created" in out and "Dry run: nothing was written." in out
    assert Organisation.objects.count() == 0


def test_import_command_lists_every_problem_and_fails_without_writing(tmp_path, regions):
    path = _members_file(tmp_path, [[org_number(1), "A", "sme", ""], ["556677-8890", "B", "startup", ""]])
    err = io.StringIO()
    with pytest.raises(CommandError, match="2 problem"):
        call_command("import_organisations", str(path), stdout=io.StringIO(), stderr=err)
    assert "row 3, organisation_number: The organisation number's check digit is wrong." in err.getvalue()
    assert "row 3, type:" in err.getvalue()
    assert Organisation.objects.count() == 0


def test_import_command_refuses_a_missing_file(db, tmp_path):
    with pytest.raises(CommandError, match="No such file"):
        _call("import_organisations", str(tmp_path / "nothing.csv"))


POSTCODES = [["postal_code", "locality", "municipality_code", "municipality_name"]]
POSTCODES += [["11122", "Stockholm", "0180", "Stockholms kommun"], ["41104", "Göteborg", "1480", "Göteborgs kommun"]]


def test_load_postcodes_is_idempotent_and_replaces_the_table(db, tmp_path):
    path = tmp_path / "postcodes.csv"
    path.write_bytes(csv_bytes(POSTCODES))
    first, _ = _call("load_postcodes", str(path))
    again, _ = _call("load_postcodes", str(path))
    path.write_bytes(csv_bytes(POSTCODES[:2]))
    smaller, _ = _call("load_postcodes", str(path))
    assert "2 added, 0 updated, 0 removed" in first
    assert "0 added, 2 updated, 0 removed" in again
    assert "0 added, 1 updated, 1 removed" in smaller
    assert list(Postcode.objects.values_list("code", "locality", "municipality_code")) == [
        ("11122", "Stockholm", "0180")
    ]


def test_load_postcodes_refuses_a_bad_file_and_keeps_the_old_table(db, tmp_path):
    Postcode.objects.create(code="11122", municipality_code="0180")
    path = tmp_path / "postcodes.csv"
    path.write_bytes(
        csv_bytes([*POSTCODES, ["4110", "X", "1480", ""], ["41104", "Y", "1480", ""], ["41200", "", "x", ""]])
    )
    err = io.StringIO()
    with pytest.raises(CommandError, match="3 problem"):
        call_command("load_postcodes", str(path), stdout=io.StringIO(), stderr=err)
    assert "row 4, postal_code: A postcode has five digits." in err.getvalue()
    assert "row 5, postal_code: Postcode 41104 is listed twice." in err.getvalue()
    assert "row 6, municipality_code:" in err.getvalue()
    assert list(Postcode.objects.values_list("code", flat=True)) == ["11122"]
