"""Check every data row of a file and turn the good ones into unsaved Organisation objects."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date

from django.db.models.base import ModelState
from django.utils.translation import gettext as _

from ..models import Organisation
from . import cleaners
from .columns import KEY_COLUMNS, Header
from .countries import clean_country
from .lookups import Lookups
from .result import RowError

# Fields of Organisation a cleaned column fills directly (the others become the key, the region or a membership).
MODEL_COLUMNS = ("organisation_number", "vat_number", "name", "type", "size_class", "nace_code", "country", "website")
MODEL_COLUMNS += ("postcode", "municipality_code")
_DEFAULTS = {field.attname: field.get_default() for field in Organisation._meta.concrete_fields}
_new = Organisation.__new__


def new_organisation(values: dict) -> Organisation:
    """An unsaved Organisation built without Model.__init__, which costs more than the rest of a row's checks.

    Safe for bulk_create, which reads attributes only; every concrete field gets its default first.
    """
    organisation = _new(Organisation)
    attributes = organisation.__dict__
    attributes.update(_DEFAULTS)
    attributes.update(values)
    attributes["_state"] = ModelState()
    return organisation


@dataclass(slots=True)
class ValidRow:
    row: int
    organisation: Organisation
    cluster_id: int | None
    kind: str | None
    joined: date | None


class RowValidator:
    def __init__(self, header: Header, lookups: Lookups, default_cluster_id: int | None = None):
        self.header = header
        self.lookups = lookups
        self.default_cluster_id = default_cluster_id
        self.errors: list[RowError] = []
        self.first_row_of_key: dict[str, int] = {}
        cleaner_of = {name: getattr(cleaners, f"clean_{name}", None) for name in header.index}
        cleaner_of |= {"country": clean_country, "region": lookups.region_id, "cluster": lookups.cluster_id}
        # Postcode rules depend on the row's country, so it is checked after the plain columns.
        self.plan = [
            (column, index, cleaner_of[column]) for column, index in header.index.items() if column != "postcode"
        ]
        self.postcode_index = header.index.get("postcode")

    def validate_all(self, rows: Iterable[tuple[int, list[str]]], progress: Callable | None = None, total=None):
        valid = []
        for count, (number, cells) in enumerate(rows, start=1):
            if not any(cells) or not "".join(cells).strip():
                continue  # blank lines keep their number but are not rows
            row = self.validate(number, cells)
            if row is not None:
                valid.append(row)
            if progress is not None and count % 2000 == 0:
                progress("validate", count, total)
        return valid

    def error(self, row: int, column: str, message: str) -> None:
        self.errors.append(RowError(row, self.header.label_of(column), str(message)))

    def validate(self, number: int, cells: list[str]) -> ValidRow | None:
        errors_before = len(self.errors)
        width = len(cells)
        values = {}
        for column, index, clean in self.plan:
            if index < width:
                text = cells[index].strip()
                if text:
                    try:
                        values[column] = clean(text)
                    except cleaners.CellError as exc:
                        self.error(number, column, exc)
        organisation = self._organisation(number, cells, values, errors_before)
        cluster_id = values.get("cluster", self.default_cluster_id)
        wants_membership = "membership_kind" in values or "joined" in values
        if cluster_id is None and wants_membership and not self._had_error("cluster", errors_before):
            self.error(number, "cluster", _("A membership kind or joining date needs a cluster."))
        if len(self.errors) > errors_before:
            return None
        return ValidRow(number, organisation, cluster_id, values.get("membership_kind"), values.get("joined"))

    def _organisation(self, number, cells, values, errors_before) -> Organisation | None:
        key = self._key(number, values, errors_before)
        for column in ("name", "type"):
            if column not in values and not self._had_error(column, errors_before):
                self.error(number, column, _("This column must not be empty."))
        country = values.get("country", "SE")
        self._place(number, cells, values, country)
        if len(self.errors) > errors_before:
            return None
        fields = {column: values[column] for column in MODEL_COLUMNS if column in values}
        fields["key"] = key
        fields["region_id"] = values.get("region")
        return new_organisation(fields)

    def _key(self, number, values, errors_before) -> str | None:
        if "organisation_number" in values:
            key, column = "SE:" + values["organisation_number"], "organisation_number"
        elif "vat_number" in values:
            key, column = "VAT:" + values["vat_number"], "vat_number"
        elif "other_id" in values:
            key, column = "ID:" + values["other_id"], "other_id"
        else:
            if not any(self._had_error(column, errors_before) for column in KEY_COLUMNS):
                message = _("Give an organisation number, a VAT number or another identifier.")
                self.errors.append(RowError(number, " / ".join(self.header.label_of(c) for c in KEY_COLUMNS), message))
            return None
        first = self.first_row_of_key.setdefault(key, number)
        if first != number:
            self.error(number, column, _("The same organisation is already on row %(row)s.") % {"row": first})
        return key

    def _had_error(self, column: str, since: int) -> bool:
        label = self.header.label_of(column)
        return any(error.column == label for error in self.errors[since:])

    def _place(self, number, cells, values, country) -> None:
        """Postcode, municipality and region, and the region derived from them when the file does not give it."""
        if self.postcode_index is not None and self.postcode_index < len(cells):
            text = cells[self.postcode_index].strip()
            if text:
                try:
                    values["postcode"] = cleaners.clean_postcode(text, country)
                except cleaners.CellError as exc:
                    self.error(number, "postcode", exc)
        municipality = values.get("municipality_code")
        if municipality:
            county = self.lookups.county_of_municipality(municipality)
            if country != "SE":
                self.error(number, "municipality_code", _("Municipality codes are Swedish, but the country is not SE."))
            elif county is None:
                message = _("Municipality %(code)s would lie in län %(county)s, which is not in the register.")
                self.error(number, "municipality_code", message % {"code": municipality, "county": municipality[:2]})
            elif values.setdefault("region", county) != county:
                message = _("The region does not match municipality %(code)s.") % {"code": municipality}
                self.error(number, "region", message)
        elif country == "SE" and "postcode" in values:
            # Best effort: the postcode table covers most, not all, Swedish postcodes; an explicit region wins.
            municipality = self.lookups.municipality_of_postcode(values["postcode"])
            if municipality:
                values["municipality_code"] = municipality
                values.setdefault("region", self.lookups.county_of_municipality(municipality))
