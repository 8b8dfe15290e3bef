import csv
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import translation

from klusterplattform.registry.choices import RegionLevel
from klusterplattform.registry.models import Region
from klusterplattform.registry.reference import load_nuts, load_reference

GOOD = 'code,label\nDE1,Baden-Württemberg\nDE11,Stuttgart\nDE111,"Stuttgart, Stadtkreis"\n'


@pytest.fixture
def reference(db):
    load_reference()


def _csv(*rows: str) -> bytes:
    return ("\n".join(["code,label", *rows]) + "\n").encode()


def test_the_real_nuts_file_adds_every_region_outside_sweden(reference, shared_data):
    data = (shared_data / "nuts" / "nuts_codes.csv").read_bytes()
    result = load_nuts(data)
    assert result.ok and result.rows == 1582
    assert (result.created, result.updated, result.skipped_swedish) == (1547, 0, 35)
    # 1,192 NUTS-3 codes less Sweden's 22 (its 21 län, which the reference data holds, and the extra-regio SEZZZ)
    assert Region.objects.filter(level=RegionLevel.NUTS3).count() == 1192 - 22
    assert not Region.objects.filter(country="SE").exclude(level__in=[RegionLevel.COUNTY, RegionLevel.COUNTRY]).exists()
    athens = Region.objects.get(code="EL301")
    assert (athens.country, athens.level, athens.nuts3_code, athens.nuts2_code) == ("GR", "nuts3", "EL301", "EL30")
    again = load_nuts(data)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 1547)


def test_the_counties_nuts_codes_and_names_match_eurostats_list(reference, shared_data):
    with (shared_data / "nuts" / "nuts_codes.csv").open(encoding="utf-8-sig", newline="") as handle:
        eurostat = {row["code"]: row["label"] for row in csv.DictReader(handle)}
    for county in Region.objects.filter(level=RegionLevel.COUNTY):
        assert eurostat[county.nuts3_code] == county.name_sv
        assert eurostat[county.nuts2_code] == county.nuts2_name


def test_levels_and_parents_come_from_the_code(reference):
    result = load_nuts(GOOD.encode("utf-8-sig"))
    assert result.ok and result.created == 3
    levels = dict(Region.objects.filter(code__startswith="DE1").values_list("code", "level"))
    assert levels == {"DE1": "nuts1", "DE11": "nuts2", "DE111": "nuts3"}
    stuttgart = Region.objects.get(code="DE111")
    assert (stuttgart.name_en, stuttgart.nuts2_code, stuttgart.nuts2_name) == (
        "Stuttgart, Stadtkreis",
        "DE11",
        "Stuttgart",
    )


def test_a_country_row_does_not_replace_the_swedish_country_name(reference):
    assert load_nuts(_csv("DE,Deutschland")).ok
    assert Region.objects.get(code="DE").name_sv == "Tyskland"


def test_without_reference_data_the_countries_needed_are_created(db):
    assert load_nuts(GOOD.encode()).ok
    assert Region.objects.get(code="DE").level == RegionLevel.COUNTRY
    assert Region.objects.count() == 4


@pytest.mark.parametrize(
    ("rows", "row", "words"),
    [
        (("DE1,Baden-Württemberg", "de11,Stuttgart"), 3, "de11"),
        (("DE1,Baden-Württemberg", "DE1234,Too long"), 3, "DE1234"),
        (("XX1,Nowhere",), 2, "XX"),
        (("DE1,Baden-Württemberg", "DE1,Again"), 3, "row 2"),
        (("DE1,",), 2, "empty"),
        (("DE1,Baden,Württemberg",), 2, "3"),
    ],
)
def test_a_bad_row_is_reported_by_number_and_nothing_is_written(reference, rows, row, words):
    before = Region.objects.count()
    with translation.override("en"):  # reasons are asserted by their English msgids
        result = load_nuts(_csv(*rows))
        assert not result.ok
        assert [problem.row for problem in result.errors] == [row]
        assert words in str(result.errors[0].reason)
    assert Region.objects.count() == before


def test_a_file_without_the_header_or_not_in_utf8_is_refused(reference):
    assert load_nuts(b"DE1,Baden-Wurttemberg\n").errors[0].row == 1
    assert load_nuts("code,label\nDE1,Baden-Württemberg\n".encode("latin-1")).errors[0].row == 1
    assert not Region.objects.filter(code="DE1").exists()


def test_the_command_lists_every_bad_row_and_fails(reference, tmp_path):
    path = tmp_path / "nuts.csv"
    path.write_bytes(_csv("DE1,Baden-Württemberg", "d1,bad", "QQ1,bad"))
    err = StringIO()
    with pytest.raises(CommandError):
        call_command("load_nuts", str(path), stderr=err)
    assert len(err.getvalue().strip().splitlines()) == 2
    assert not Region.objects.filter(code="DE1").exists()


def test_the_command_loads_a_good_file(reference, tmp_path):
    path = tmp_path / "nuts.csv"
    path.write_text(GOOD, encoding="utf-8")
    call_command("load_nuts", str(path), stdout=StringIO())
    assert Region.objects.filter(code__in=["DE1", "DE11", "DE111"]).count() == 3
