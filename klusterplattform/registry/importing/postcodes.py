"""Load the postcode → municipality table (e.g. swedish-geodata's postal_to_municipality.csv).

The file is the whole table: it is checked completely, then replaces the stored table in one transaction, so loading
the same file twice changes nothing.
"""

import re
from dataclasses import dataclass, field

from django.db import transaction
from django.utils.translation import gettext as _

from ..models import Postcode
from .columns import header_token
from .readers import read_table
from .result import FileError, RowError

COLUMNS = {
    "postcode": ("postal_code", "postcode", "postnummer", "postnr"),
    "municipality_code": ("municipality_code", "kommunkod"),
    "locality": ("locality", "postort", "ort"),
}
_POSTCODE = re.compile(r"(\d{3}) ?(\d{2})")
_MUNICIPALITY = re.compile(r"\d{3,4}")


@dataclass
class PostcodeResult:
    rows: int = 0
    created: int = 0
    updated: int = 0
    removed: int = 0
    errors: list[RowError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


def load_postcodes(data: bytes, filename: str) -> PostcodeResult:
    result = PostcodeResult()
    try:
        postcodes = _read(data, filename, result)
    except FileError as exc:
        result.errors.append(exc.error)
        return result
    if result.errors:
        return result
    result.rows = len(postcodes)
    stored = set(Postcode.objects.values_list("code", flat=True))
    result.updated = len(stored & postcodes.keys())
    result.created = len(postcodes) - result.updated
    with transaction.atomic():
        Postcode.objects.bulk_create(
            postcodes.values(),
            update_conflicts=True,
            unique_fields=["code"],
            update_fields=["locality", "municipality_code"],
            batch_size=2000,
        )
        gone = sorted(stored - postcodes.keys())
        for start in range(0, len(gone), 500):
            Postcode.objects.filter(code__in=gone[start : start + 500]).delete()
        result.removed = len(gone)
    return result


def _read(data: bytes, filename: str, result: PostcodeResult) -> dict[str, Postcode]:
    table = read_table(data, filename)
    index = {}
    for position, text in enumerate(table.header):
        for column, names in COLUMNS.items():
            if header_token(text) in names:
                index.setdefault(column, position)
    for column in ("postcode", "municipality_code"):
        if column not in index:
            message = _("The required column %(column)s is missing.") % {"column": COLUMNS[column][0]}
            result.errors.append(RowError(table.header_row, COLUMNS[column][0], message))
    if result.errors:
        return {}
    postcodes: dict[str, Postcode] = {}
    for number, cells in table.rows:
        if not "".join(cells).strip():
            continue
        cell = {column: cells[i].strip() if i < len(cells) else "" for column, i in index.items()}
        postcode = _POSTCODE.fullmatch(cell["postcode"])
        municipality = cell["municipality_code"]
        if postcode is None:
            result.errors.append(RowError(number, table.header[index["postcode"]], _("A postcode has five digits.")))
        elif _MUNICIPALITY.fullmatch(municipality) is None:
            message = _("A municipality code (kommunkod) has four digits, e.g. 0180.")
            result.errors.append(RowError(number, table.header[index["municipality_code"]], message))
        elif (code := postcode.group(1) + postcode.group(2)) in postcodes:
            message = _("Postcode %(code)s is listed twice.") % {"code": code}
            result.errors.append(RowError(number, table.header[index["postcode"]], message))
        else:
            locality = cell.get("locality", "")[:100]
            postcodes[code] = Postcode(code=code, locality=locality, municipality_code=municipality.zfill(4))
    return postcodes
