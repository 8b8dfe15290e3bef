"""The postcode → municipality → län chain against the real swedish-geodata files in ../shared/data."""

import csv

import pytest

from klusterplattform.registry.importing import import_organisations, load_postcodes
from klusterplattform.registry.models import Organisation, Postcode, Region

from .import_helpers import (
    csv_bytes,
    english,  # noqa: F401 - autouse fixture
    org_number,
)

pytestmark = pytest.mark.realdata


def _rows(path):
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture
def geodata(shared_data):
    return shared_data / "swedish-geodata"


@pytest.fixture
def counties(db, geodata):
    """The 21 län from the real counties.csv (the project's own reference loader is tested elsewhere)."""
    for county in _rows(geodata / "counties.csv"):
        Region.objects.create(
            code=county["county_code"],
            level="county",
            country="SE",
            name_sv=county["county_name"],
            name_en=county["county_name_short"],
        )


def test_the_real_postcode_file_loads_completely_and_reloads_without_change(db, geodata):
    data = (geodata / "postal_to_municipality.csv").read_bytes()
    first = load_postcodes(data, "postal_to_municipality.csv")
    second = load_postcodes(data, "postal_to_municipality.csv")
    assert first.ok, first.errors[:5]
    assert (first.rows, first.created, first.updated, first.removed) == (15463, 15463, 0, 0)
    assert (second.created, second.updated, second.removed) == (0, 15463, 0)
    assert Postcode.objects.count() == 15463
    assert Postcode.objects.get(code="10004").municipality_code == "0180"


def test_imported_members_get_the_lan_of_their_postcodes_municipality(geodata, counties):
    load_postcodes((geodata / "postal_to_municipality.csv").read_bytes(), "postal_to_municipality.csv")
    county_of = {row["municipality_code"]: row["county_code"] for row in _rows(geodata / "municipalities.csv")}
    sample = _rows(geodata / "postal_to_municipality.csv")[::97]  # about 160 postcodes from every part of Sweden
    rows = [["organisationsnummer", "namn", "typ", "postnummer"]]
    rows += [
        [org_number(i), f"Medlem {i}", "smf", f"{p['postal_code'][:3]} {p['postal_code'][3:]}"]
        for i, p in enumerate(sample)
    ]
    result = import_organisations(csv_bytes(rows, ";", bom=True), "medlemmar.csv")
    assert result.ok, result.errors[:5]
    assert result.created == len(sample)
    expected = {p["postal_code"]: (p["municipality_code"], county_of[p["municipality_code"]]) for p in sample}
    stored = {o.postcode: (o.municipality_code, o.region.code) for o in Organisation.objects.select_related("region")}
    assert stored == expected
    assert len({county for _, county in expected.values()}) >= 15  # the sample spans most of the 21 län
