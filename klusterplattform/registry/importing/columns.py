"""The documented columns of the member import (docs/data-formats.md) and the header names accepted for each."""

import re
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from .result import RowError

KEY_COLUMNS = ("organisation_number", "vat_number", "other_id")
REQUIRED_COLUMNS = ("name", "type")

# Canonical name → other header names people use (Swedish first). Headers are compared after `header_token`.
COLUMNS: dict[str, tuple[str, ...]] = {
    "organisation_number": ("organisationsnummer", "orgnr", "org_nr", "organization_number"),
    "vat_number": ("momsregistreringsnummer", "momsnummer", "momsnr", "vat", "vat_no"),
    "other_id": ("annat_id", "external_id", "id"),
    "name": ("namn", "organisationsnamn", "organisation", "organization_name"),
    "type": ("typ", "organisationstyp", "organisation_type", "organization_type"),
    "size_class": ("storleksklass", "storlek", "size"),
    "nace_code": ("nace", "sni", "sni_kod", "nace_kod", "bransch"),
    "postcode": ("postnummer", "postnr", "postal_code", "zip_code"),
    "municipality_code": ("kommunkod", "kommun_kod", "kommunnummer"),
    "country": ("land", "landskod", "country_code"),
    "region": ("län", "lan", "länskod", "lanskod", "region_code", "nuts", "nuts_code"),
    "website": ("webbplats", "webbadress", "hemsida", "webb", "url", "web"),
    "cluster": ("kluster", "cluster_slug"),
    "membership_kind": ("medlemskap", "medlemstyp", "kind"),
    "joined": ("inträde", "inträdesdatum", "medlem_sedan", "joined_on", "member_since"),
}
_SEPARATORS = re.compile(r"[\s.\-/]+")
_BY_TOKEN = {alias: name for name, aliases in COLUMNS.items() for alias in (name, *aliases)}


def header_token(text: str) -> str:
    return _SEPARATORS.sub("_", text.strip().casefold()).strip("_")


@dataclass
class Header:
    index: dict[str, int] = field(default_factory=dict)  # canonical column → cell index
    label: dict[str, str] = field(default_factory=dict)  # canonical column → the header as written in the file
    errors: list[RowError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def has(self, column: str) -> bool:
        return column in self.index

    def label_of(self, column: str) -> str:
        return self.label.get(column, column)


def resolve_header(cells: list[str], row: int) -> Header:
    header = Header()
    for index, text in enumerate(cells):
        if not text:
            continue
        column = _BY_TOKEN.get(header_token(text))
        if column is None:
            header.warnings.append(_("Column “%(column)s” is not an import column and was ignored.") % {"column": text})
        elif column in header.index:
            message = _("Columns “%(first)s” and “%(second)s” both mean %(column)s; keep one.") % {
                "first": header.label[column],
                "second": text,
                "column": column,
            }
            header.errors.append(RowError(row, text, message))
        else:
            header.index[column] = index
            header.label[column] = text
    for column in REQUIRED_COLUMNS:
        if column not in header.index:
            header.errors.append(
                RowError(row, column, _("The required column %(column)s is missing.") % {"column": column})
            )
    if not any(column in header.index for column in KEY_COLUMNS):
        message = _("A key column is missing: give organisation_number, vat_number or other_id.")
        header.errors.append(RowError(row, " / ".join(KEY_COLUMNS), message))
    return header
