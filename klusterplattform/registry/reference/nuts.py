"""`load_nuts`: Eurostat's NUTS regions of the other EU countries, from a CSV file with the columns `code,label`.

The whole file is checked before anything is written; then it is written in one transaction, and a second load of
the same file changes nothing. Swedish rows are skipped: Sweden's NUTS-3 regions are the län, which the reference
data already holds (with their NUTS codes in `nuts3_code`/`nuts2_code`). NUTS-0 regions (the countries) come from
the reference data, so their Swedish names are kept rather than replaced by a file's national-language label.
"""

import csv
import io
import re
from dataclasses import dataclass, field
from typing import NamedTuple

from django.db import transaction
from django.utils.translation import gettext as _

from ..choices import RegionLevel
from ..models import Region
from .loader import region_facts
from .regions import COUNTRY_BY_NUTS0
from .upsert import Tally, upsert

CODE_SHAPE = re.compile(r"[A-Z]{2}[A-Z0-9]{0,3}")
LEVEL_BY_LENGTH = {2: RegionLevel.COUNTRY, 3: RegionLevel.NUTS1, 4: RegionLevel.NUTS2, 5: RegionLevel.NUTS3}
MAX_LABEL = Region._meta.get_field("name_en").max_length


class NutsRow(NamedTuple):
    row: int
    code: str
    label: str


@dataclass(frozen=True)
class NutsProblem:
    row: int  # the spreadsheet row number: the header is row 1
    reason: str

    def __str__(self):
        return _("Row %(row)s: %(reason)s") % {"row": self.row, "reason": self.reason}


@dataclass
class NutsResult:
    rows: int = 0
    errors: list[NutsProblem] = field(default_factory=list)
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped_swedish: int = 0

    @property
    def ok(self) -> bool:
        return not self.errors


def _check(code: str, label: str, seen: dict[str, int]) -> str:
    """The reason a row is bad, or an empty string."""
    if not CODE_SHAPE.fullmatch(code):
        return _("“%(code)s” is not a NUTS code (two capital letters, then up to three capital letters or digits).") % {
            "code": code
        }
    if code[:2] not in COUNTRY_BY_NUTS0:
        return _("“%(country)s” is not the NUTS code of an EU-27 country.") % {"country": code[:2]}
    if code in seen:
        return _("The code %(code)s already appeared on row %(first)s.") % {"code": code, "first": seen[code]}
    if not label:
        return _("The label is empty.")
    if len(label) > MAX_LABEL:
        return _("The label is longer than %(max)s characters.") % {"max": MAX_LABEL}
    return ""


def read_nuts(data: bytes) -> tuple[list[NutsRow], list[NutsProblem]]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return [], [NutsProblem(1, _("The file is not UTF-8 text."))]
    reader = csv.reader(io.StringIO(text, newline=""))
    header = next(reader, [])
    if [cell.strip().lower() for cell in header] != ["code", "label"]:
        return [], [NutsProblem(1, _("The first row must be the header “code,label”."))]
    rows, problems, seen = [], [], {}
    for record in reader:
        row = reader.line_num
        if not any(cell.strip() for cell in record):
            continue
        if len(record) != 2:
            problems.append(NutsProblem(row, _("Expected 2 columns (code, label), found %(n)s.") % {"n": len(record)}))
            continue
        code, label = record[0].strip(), " ".join(record[1].split())
        reason = _check(code, label, seen)
        seen.setdefault(code, row)
        if reason:
            problems.append(NutsProblem(row, reason))
        else:
            rows.append(NutsRow(row, code, label))
    return rows, problems


def _facts(row: NutsRow, labels: dict[str, str]) -> dict:
    code = row.code
    nuts2 = code[:4] if len(code) >= 4 else ""
    return {
        "level": LEVEL_BY_LENGTH[len(code)],
        "country": COUNTRY_BY_NUTS0[code[:2]].iso,
        "name_sv": row.label,
        "name_en": row.label,
        "nuts3_code": code if len(code) == 5 else "",
        "nuts2_code": nuts2,
        "nuts2_name": labels.get(nuts2, ""),
    }


def _write(rows: list[NutsRow], result: NutsResult) -> None:
    foreign = [row for row in rows if row.code[:2] != "SE"]
    result.skipped_swedish = len(rows) - len(foreign)
    countries = {row.code[:2] for row in foreign}
    upsert(Region, "code", [f for f in region_facts() if f["code"] in countries], Tally())
    labels = {row.code: row.label for row in rows}
    facts = {row.code: _facts(row, labels) for row in foreign if len(row.code) > 2}
    existing = {region.code: region for region in Region.objects.filter(code__in=list(facts))}
    changed_fields, to_update = set(), []
    for code, region in existing.items():
        changed = [name for name, value in facts[code].items() if getattr(region, name) != value]
        for name in changed:
            setattr(region, name, facts[code][name])
        if changed:
            changed_fields.update(changed)
            to_update.append(region)
    new = [Region(code=code, **values) for code, values in facts.items() if code not in existing]
    Region.objects.bulk_create(new, batch_size=500)
    if to_update:
        Region.objects.bulk_update(to_update, sorted(changed_fields), batch_size=500)
    result.created, result.updated = len(new), len(to_update)
    result.unchanged = len(rows) - result.skipped_swedish - result.created - result.updated


def load_nuts(data: bytes) -> NutsResult:
    rows, problems = read_nuts(data)
    result = NutsResult(rows=len(rows) + len(problems), errors=problems)
    if result.ok:
        with transaction.atomic():
            _write(rows, result)
    return result
