"""Deterministic member files for the import benchmark: same seed, same rows, on every machine.

The rows are fictional (organisation numbers in the 55xxxxx range with a valid check digit, example.org websites)
and already clean, so every method stores the same values and the comparison is like for like.
"""

import csv
import random
from pathlib import Path

from klusterplattform.core.identifiers import luhn_valid

HEADER = [
    "organisation_number",
    "name",
    "type",
    "size_class",
    "nace_code",
    "postcode",
    "municipality_code",
    "region",
    "country",
    "website",
]


def _words(text: str) -> list[str]:
    return text.split()


# Real kommunkoder; the first two digits are the län, which the import checks against the region column.
MUNICIPALITIES = _words(
    "0180 0181 0380 0480 0580 0581 0680 0780 0880 0980 1080 1280 1281 1380 1480 1490 1780 1880 1980"
)
MUNICIPALITIES += _words("2080 2180 2281 2380 2480 2580")
COUNTIES = sorted({code[:2] for code in MUNICIPALITIES})
FIRST = _words("Ångström Öresund Norrland Väst Syd Lund Göta Mälar Berg Skog Älv Fjäll Kust Sjö Dal Ström Hav Myr")
SECOND = _words("Bygg Teknik Data Energi Konsult Innovation Logistik Design Bio Medtech Trä Metall Livs Mjukvara")
FORM = ["AB", "AB", "AB", "HB", "Ekonomisk förening", "Aktiebolag", "& Söner AB", "Group AB"]
TYPES = ["sme"] * 70 + ["large_company"] * 8 + ["research"] * 7 + ["education"] * 5 + ["public_body"] * 6
TYPES += ["other"] * 4
SIZES = ["micro", "small", "medium", "large", "unknown"]
NACE = _words("62.01 62.02 71.12 72.19 26.51 28.29 10.89 16.23 20.59 21.20 25.62 27.11 29.32 35.11 46.90 58.29 70.22")


def organisation_number(serial: int) -> str:
    body = f"55{serial:07d}"
    check = next(digit for digit in "0123456789" if luhn_valid(body + digit))
    return f"{body[:6]}-{body[6:]}{check}"


def generate_rows(count: int, seed: int = 20240601):
    rng = random.Random(seed)
    for serial in range(count):
        municipality = rng.choice(MUNICIPALITIES)
        name = f"{rng.choice(FIRST)} {rng.choice(SECOND)} {rng.choice(FORM)}"
        slug = f"{serial}-{name.split()[0].lower()}"
        website = f"https://www.{slug.encode('ascii', 'ignore').decode()}.example.org" if rng.random() < 0.8 else ""
        postcode = f"{rng.randint(100, 984)}{rng.randint(0, 99):02d}"
        yield [
            organisation_number(serial),
            name,
            rng.choice(TYPES),
            rng.choice(SIZES),
            rng.choice(NACE),
            postcode,
            municipality,
            municipality[:2],
            "SE",
            website,
        ]


def write_csv(path: Path, count: int) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        writer.writerows(generate_rows(count))
    return path


def write_xlsx(path: Path, count: int) -> Path:
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet()
    sheet.append(HEADER)
    for row in generate_rows(count):
        sheet.append(row)
    workbook.save(path)
    return path
