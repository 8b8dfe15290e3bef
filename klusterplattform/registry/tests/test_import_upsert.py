"""Upsert by stable key: re-importing is idempotent, changes update, dry runs write nothing, places are derived."""

from datetime import date

import pytest

from klusterplattform.core.text import fold, swedish_sort_key
from klusterplattform.registry.importing import import_organisations
from klusterplattform.registry.models import Membership, Organisation, Postcode

from .import_helpers import (
    create_cluster,
    create_regions,
    csv_bytes,
    english,  # noqa: F401 - autouse fixture
    org_number,
)

HEADER = ["organisation_number", "vat_number", "other_id", "name", "type", "size_class", "cluster", "joined"]
ROWS = [
    [org_number(1), "", "", "Ångström Bygg AB", "sme", "small", "testklustret", "2020-01-01"],
    ["", "se 556677889901", "", "Vat Only AB", "storföretag", "stor", "testklustret", ""],
    ["", "", "CRM-42", "Föreningen Öst", "övrig", "", "", ""],
]


@pytest.fixture
def regions(db):
    return create_regions()


@pytest.fixture
def cluster(db):
    return create_cluster()


def _import(rows, **options):
    result = import_organisations(csv_bytes([HEADER, *rows]), "members.csv", **options)
    assert result.ok, result.errors
    return result


def _snapshot():
    return sorted(Organisation.objects.values_list("key", "name", "type", "size_class", "search_text", "sort_name"))


def test_keys_follow_the_stable_key_rules(cluster):
    _import(ROWS)
    assert sorted(Organisation.objects.values_list("key", flat=True)) == sorted(
        [f"SE:{org_number(1)}", "VAT:SE556677889901", "ID:CRM-42"]
    )


def test_reimporting_the_same_file_changes_nothing_and_counts_updates(cluster):
    first = _import(ROWS)
    before = _snapshot()
    second = _import(ROWS)
    assert (first.created, first.updated, first.memberships_created) == (3, 0, 2)
    assert (second.created, second.updated, second.memberships_created, second.memberships_updated) == (0, 3, 0, 0)
    assert _snapshot() == before
    assert Organisation.objects.count() == 3 and Membership.objects.count() == 2


def test_changed_fields_are_updated_on_reimport(cluster):
    _import(ROWS)
    changed = [list(row) for row in ROWS]
    changed[0][3:6] = ["Ångström & Söner AB", "large_company", "large"]
    result = _import(changed)
    organisation = Organisation.objects.get(key=f"SE:{org_number(1)}")
    assert (result.created, result.updated) == (0, 3)
    assert (organisation.name, organisation.type, organisation.size_class) == (
        "Ångström & Söner AB",
        "large_company",
        "large",
    )
    assert organisation.sort_name == swedish_sort_key("Ångström & Söner AB")
    assert organisation.search_text == fold(f"Ångström & Söner AB {org_number(1)} ")


def test_columns_missing_from_a_later_file_keep_their_stored_values(cluster, regions):
    _import(ROWS)
    Organisation.objects.filter(key="VAT:SE556677889901").update(
        website="https://vat.example.org", region=regions["12"]
    )
    result = import_organisations(
        csv_bytes([["vat_number", "name", "type"], ["SE556677889901", "Renamed AB", "sme"]]), "b.csv"
    )
    assert result.ok
    organisation = Organisation.objects.get(key="VAT:SE556677889901")
    assert (organisation.name, organisation.website, organisation.region.code) == (
        "Renamed AB",
        "https://vat.example.org",
        "12",
    )
    assert organisation.size_class == "large"


def test_a_dry_run_reports_the_counts_and_writes_nothing(cluster):
    _import(ROWS[:1])
    result = _import(ROWS, dry_run=True)
    assert (result.dry_run, result.created, result.updated, result.memberships_created) == (True, 2, 1, 1)
    assert Organisation.objects.count() == 1 and Membership.objects.count() == 1


def test_the_cluster_option_applies_to_rows_without_a_cluster_of_their_own(cluster):
    other = type(cluster).objects.create(name="Annat", slug="annat")
    result = _import(ROWS, cluster="annat")
    assert result.memberships_created == 3
    assert Membership.objects.filter(cluster=cluster).count() == 2
    assert Membership.objects.get(cluster=other).organisation.key == "ID:CRM-42"


def test_an_open_membership_is_never_doubled_but_its_kind_and_date_can_be_corrected(cluster):
    _import(ROWS)
    corrected = [list(ROWS[0])]
    corrected[0][7] = "2019-06-01"
    result = import_organisations(csv_bytes([[*HEADER, "membership_kind"], [*corrected[0], "participant"]]), "c.csv")
    assert (result.memberships_created, result.memberships_updated) == (0, 1)
    membership = Membership.objects.get(organisation__key=f"SE:{org_number(1)}")
    assert (membership.kind, membership.joined) == ("participant", date(2019, 6, 1))


def test_a_closed_membership_is_history_and_rejoining_opens_a_new_one(cluster):
    _import(ROWS[:1])
    Membership.objects.update(left=date(2023, 1, 1))
    result = _import(ROWS[:1])
    assert result.memberships_created == 1
    assert Membership.objects.filter(left__isnull=True).count() == 1 and Membership.objects.count() == 2


def test_region_is_derived_from_the_municipality_code(regions):
    rows = [["other_id", "name", "type", "municipality_code"], ["a", "A", "sme", "1280"], ["b", "B", "sme", "180"]]
    assert import_organisations(csv_bytes(rows), "a.csv").ok
    assert dict(Organisation.objects.values_list("municipality_code", "region__code")) == {"1280": "12", "0180": "01"}


def test_region_is_derived_from_the_postcode_when_the_postcode_table_is_loaded(regions):
    Postcode.objects.create(code="41104", locality="Göteborg", municipality_code="1480")
    rows = [["other_id", "name", "type", "postcode"], ["a", "A", "sme", "411 04"], ["b", "B", "sme", "99999"]]
    assert import_organisations(csv_bytes(rows), "a.csv").ok
    found = {o.key: (o.postcode, o.municipality_code, o.region and o.region.code) for o in Organisation.objects.all()}
    assert found == {"ID:a": ("41104", "1480", "14"), "ID:b": ("99999", "", None)}


def test_an_explicit_region_accepts_lanskod_iso_and_nuts_codes(regions):
    rows = [["other_id", "name", "type", "country", "region"]]
    rows += [["a", "A", "sme", "SE", "1"], ["b", "B", "sme", "SE", "se-m"], ["c", "C", "sme", "SE", "SE232"]]
    rows += [["d", "D", "sme", "DE", "DE21"]]
    assert import_organisations(csv_bytes(rows), "a.csv").ok
    assert dict(Organisation.objects.values_list("key", "region__code")) == {
        "ID:a": "01",
        "ID:b": "12",
        "ID:c": "14",
        "ID:d": "DE21",
    }
