"""Builders shared by the member-import tests: valid organisation numbers, regions, and files in memory."""

import csv
import io

import pytest
from django.utils import translation

from klusterplattform.core.identifiers import luhn_valid
from klusterplattform.registry.models import ClusterOrganisation, Region

HEADER = ["organisation_number", "name", "type", "postcode", "municipality_code", "region", "website"]


def org_number(serial: int) -> str:
    """A valid (Luhn) organisation number in the 55xxxx range; fictional, built for tests."""
    body = f"55{serial:07d}"
    check = next(digit for digit in "0123456789" if luhn_valid(body + digit))
    return f"{body[:6]}-{body[6:]}{check}"


def csv_bytes(rows: list[list], delimiter: str = ",", bom: bool = False) -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    return ("\ufeff" if bom else "").encode() + buffer.getvalue().encode("utf-8")


def xlsx_bytes(rows: list[list]) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def make_county(code: str, name: str, nuts3: str, iso: str) -> Region:
    return Region.objects.create(
        code=code, level="county", country="SE", name_sv=name, name_en=name, nuts3_code=nuts3, iso_code=iso
    )


def create_regions() -> dict[str, Region]:
    """Three län and one German NUTS-2 region (the reference-data loader is not needed for these tests)."""
    return {
        "01": make_county("01", "Stockholms län", "SE110", "SE-AB"),
        "12": make_county("12", "Skåne län", "SE224", "SE-M"),
        "14": make_county("14", "Västra Götalands län", "SE232", "SE-O"),
        "DE21": Region.objects.create(
            code="DE21", level="nuts2", country="DE", name_sv="Oberbayern", name_en="Oberbayern"
        ),
    }


def create_cluster(slug: str = "testklustret") -> ClusterOrganisation:
    return ClusterOrganisation.objects.create(name=slug.title(), slug=slug)


@pytest.fixture(autouse=True)
def english():
    """Messages are asserted in English (the msgids); the site's default language is Swedish."""
    with translation.override("en"):
        yield
