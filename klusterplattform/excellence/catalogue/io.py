"""Catalogue versions to and from the JSON document format (docs/data-formats.md, "Indicator catalogue").

An import always creates a new version: a version that assessments use never changes, so results stay comparable.
Indicators that continue one of the previous version name it in "previous" and share its lineage.
"""

import contextlib

from django.db import transaction

from klusterplattform.accounts.audit import audit_context
from klusterplattform.accounts.models import AuditChannel

from ..models import CatalogueVersion, Indicator
from .validation import FORMAT, FORMAT_VERSION, CatalogueError, to_decimal, validate_document

__all__ = ["CatalogueError", "CatalogueImportError", "export_catalogue", "import_catalogue", "validate_document"]


class CatalogueImportError(ValueError):
    """The document has problems; nothing was written. `errors` lists them all."""

    def __init__(self, errors: list[CatalogueError]):
        super().__init__("; ".join(str(error) for error in errors))
        self.errors = errors


def import_catalogue(data, user=None) -> CatalogueVersion:
    """Validate the whole document, then write the new version and its indicators in one transaction.

    With a `user`, the audit trail records the new version as that user's import; without one it takes the actor
    and channel from the surrounding context (the command line's, by default).
    """
    errors = validate_document(data)
    if errors:
        raise CatalogueImportError(errors)
    context = audit_context(AuditChannel.IMPORT, actor=user) if user is not None else contextlib.nullcontext()
    with context, transaction.atomic():
        previous = CatalogueVersion.objects.filter(code=data["previous"]).first() if data.get("previous") else None
        version = CatalogueVersion.objects.create(
            code=data["code"],
            name_sv=data["name_sv"].strip(),
            name_en=data["name_en"].strip(),
            description_sv=(data.get("description_sv") or "").strip(),
            description_en=(data.get("description_en") or "").strip(),
            previous=previous,
        )
        old = {i.code: i for i in Indicator.objects.filter(catalogue=previous)} if previous else {}
        Indicator.objects.bulk_create([_indicator(version, item, old) for item in data["indicators"]])
    return version


def _indicator(version, item: dict, old: dict) -> Indicator:
    mapped = old.get(item.get("previous")) if item.get("previous") else None
    code = item["code"]
    return Indicator(
        catalogue=version,
        code=code,
        area=item["area"],
        position=item.get("position", 0),
        question_sv=item["question_sv"].strip(),
        question_en=item["question_en"].strip(),
        help_sv=(item.get("help_sv") or "").strip(),
        help_en=(item.get("help_en") or "").strip(),
        answer_type=item["answer_type"],
        unit_sv=item.get("unit_sv") or "",
        unit_en=item.get("unit_en") or "",
        direction=item["direction"],
        options=[dict(option) for option in item.get("options") or []],
        minimum=to_decimal(item.get("minimum")),
        maximum=to_decimal(item.get("maximum")),
        is_required=item.get("is_required", True),
        prefill=item.get("prefill") or "",
        previous=mapped,
        # bulk_create skips Indicator.save(), so the lineage rule is applied here: a mapped indicator continues
        # its predecessor's lineage, a new one starts its own.
        lineage=mapped.lineage if mapped else f"{version.code}:{code}",
    )


def export_catalogue(version: CatalogueVersion) -> dict:
    """The version as a document that import_catalogue reads back into identical indicators."""
    indicators = version.indicators.select_related("previous").order_by("position", "code")
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "code": version.code,
        "name_sv": version.name_sv,
        "name_en": version.name_en,
        "description_sv": version.description_sv,
        "description_en": version.description_en,
        "previous": version.previous.code if version.previous_id else None,
        "indicators": [_export_indicator(indicator) for indicator in indicators],
    }


def _export_indicator(indicator: Indicator) -> dict:
    return {
        "code": indicator.code,
        "area": indicator.area,
        "position": indicator.position,
        "question_sv": indicator.question_sv,
        "question_en": indicator.question_en,
        "help_sv": indicator.help_sv,
        "help_en": indicator.help_en,
        "answer_type": indicator.answer_type,
        "unit_sv": indicator.unit_sv,
        "unit_en": indicator.unit_en,
        "direction": indicator.direction,
        "options": indicator.options,
        "minimum": _number(indicator.minimum),
        "maximum": _number(indicator.maximum),
        "is_required": indicator.is_required,
        "prefill": indicator.prefill,
        "previous": indicator.previous.code if indicator.previous_id else None,
    }


def _number(value):
    """A Decimal as a JSON number: whole numbers without decimals, others as floats (two decimals at most)."""
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)
