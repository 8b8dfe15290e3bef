"""Checking a catalogue document (the JSON format of docs/data-formats.md) before anything is written.

Every problem is reported with a JSON path (`indicators[3].answer_type`) and a reason, so a whole file can be
corrected in one go (rule 8 of ARCHITECTURE.md).
"""

import math
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

from ..choices import AnswerType, Area, Direction, PrefillSource
from ..models import CatalogueVersion, Indicator

FORMAT = "klusterplattform-catalogue"
FORMAT_VERSION = 1
CHOICE_TYPES = {AnswerType.CHOICE.value, AnswerType.MULTIPLE.value}
NUMERIC_TYPES = {AnswerType.NUMBER.value, AnswerType.SHARE.value}
DOCUMENT_FIELDS = {"format", "format_version", "code", "name_sv", "name_en", "description_sv", "description_en"}
DOCUMENT_FIELDS |= {"previous", "indicators"}
INDICATOR_FIELDS = {"code", "area", "position", "question_sv", "question_en", "help_sv", "help_en", "answer_type"}
INDICATOR_FIELDS |= {"unit_sv", "unit_en", "direction", "options", "minimum", "maximum", "is_required", "prefill"}
INDICATOR_FIELDS |= {"previous"}
OPTION_FIELDS = {"code", "sv", "en", "score"}
SLUG = re.compile(r"^[-a-zA-Z0-9_]+$")
INDICATOR_CODE = re.compile(r"^[A-Za-z0-9][-A-Za-z0-9_.]*$")
# What the database columns hold (Indicator.minimum/maximum: 14 digits, 2 decimals).
NUMBER_LIMIT = Decimal("1e12")


@dataclass(frozen=True)
class CatalogueError:
    path: str  # where in the document, e.g. "indicators[3].answer_type"; "" for the document as a whole
    message: str

    def __str__(self):
        return f"{self.path}: {self.message}" if self.path else self.message


class Checker:
    """Collects the problems of one document; `check()` returns them all."""

    def __init__(self, data):
        self.data = data
        self.errors: list[CatalogueError] = []

    def add(self, path: str, message: str):
        self.errors.append(CatalogueError(path, message))

    def check(self) -> list[CatalogueError]:
        if not isinstance(self.data, dict):
            self.add("", _("The document must be a JSON object."))
            return self.errors
        self.unknown_fields("", self.data, DOCUMENT_FIELDS)
        if self.data.get("format") != FORMAT:
            self.add("format", _('Must be "%(format)s".') % {"format": FORMAT})
        if self.data.get("format_version") != FORMAT_VERSION or isinstance(self.data.get("format_version"), bool):
            self.add("format_version", _("Must be %(version)s.") % {"version": FORMAT_VERSION})
        self.version_code()
        for field in ("name_sv", "name_en"):
            self.text(field, self.data, field, required=True, limit=200)
        for field in ("description_sv", "description_en"):
            self.text(field, self.data, field, required=False)
        previous = self.previous_version()
        self.indicators(previous)
        return self.errors

    def unknown_fields(self, prefix: str, obj: dict, known: set):
        for key in sorted(set(obj) - known, key=str):
            self.add(f"{prefix}{key}", _("Unknown field."))

    def text(self, path: str, obj: dict, field: str, required: bool, limit: int | None = None) -> str:
        value = obj.get(field)
        if value is None or value == "":
            if required:
                self.add(path, _("This field is required."))
            return ""
        if not isinstance(value, str):
            self.add(path, _("Must be text."))
            return ""
        if required and not value.strip():
            self.add(path, _("This field is required."))
        if limit and len(value) > limit:
            self.add(path, _("At most %(limit)s characters.") % {"limit": limit})
        return value

    def version_code(self):
        code = self.text("code", self.data, "code", required=True, limit=40)
        if code and not SLUG.match(code):
            self.add("code", _("Use only letters, digits, hyphens and underscores."))
        elif code and CatalogueVersion.objects.filter(code=code).exists():
            self.add("code", _("A catalogue version with this code already exists; import under a new code."))

    def previous_version(self):
        """The version this one replaces with its indicators by code, or None."""
        code = self.data.get("previous")
        if code is None:
            return None
        if not isinstance(code, str):
            self.add("previous", _("Must be the code of an existing catalogue version, or null."))
            return None
        version = CatalogueVersion.objects.filter(code=code).first()
        if version is None:
            self.add("previous", _("There is no catalogue version with the code %(code)s.") % {"code": code})
            return None
        successor = CatalogueVersion.objects.filter(previous=version).first()
        if successor is not None:
            self.add(
                "previous",
                _("The version %(code)s is already replaced by %(successor)s.")
                % {"code": code, "successor": successor.code},
            )
            return None
        return {indicator.code: indicator for indicator in Indicator.objects.filter(catalogue=version)}

    def indicators(self, previous: dict | None):
        items = self.data.get("indicators")
        if not isinstance(items, list) or not items:
            self.add("indicators", _("Must be a list with at least one indicator."))
            return
        seen_codes: set[str] = set()
        mapped: dict[str, str] = {}
        for index, item in enumerate(items):
            path = f"indicators[{index}]"
            if not isinstance(item, dict):
                self.add(path, _("Each indicator must be a JSON object."))
                continue
            IndicatorChecker(self, path, item).check(seen_codes, mapped, previous)


class IndicatorChecker:
    def __init__(self, parent: Checker, path: str, item: dict):
        self.parent, self.path, self.item = parent, path, item

    def add(self, field: str, message: str):
        self.parent.add(f"{self.path}.{field}" if field else self.path, message)

    def text(self, field, required, limit=None) -> str:
        return self.parent.text(f"{self.path}.{field}", self.item, field, required, limit)

    def check(self, seen_codes: set, mapped: dict, previous: dict | None):
        self.parent.unknown_fields(f"{self.path}.", self.item, INDICATOR_FIELDS)
        code = self.text("code", required=True, limit=20)
        if code and not INDICATOR_CODE.match(code):
            self.add("code", _("Use only letters, digits, hyphens, underscores and full stops."))
        elif code in seen_codes:
            self.add("code", _("The code %(code)s is used by more than one indicator.") % {"code": code})
        seen_codes.add(code)
        self.choice("area", Area.values, required=True)
        answer_type = self.choice("answer_type", AnswerType.values, required=True)
        self.choice("direction", Direction.values, required=True)
        prefill = self.choice("prefill", [s for s in PrefillSource.values if s], required=False)
        if prefill and answer_type and answer_type not in NUMERIC_TYPES:
            self.add("prefill", _("Only number and share indicators can be pre-filled from the registry."))
        position = self.item.get("position", 0)
        if isinstance(position, bool) or not isinstance(position, int) or not 0 <= position <= 32767:
            self.add("position", _("Must be a whole number from 0 to 32767."))
        for field in ("question_sv", "question_en"):
            self.text(field, required=True)
        for field in ("help_sv", "help_en"):
            self.text(field, required=False)
        for field in ("unit_sv", "unit_en"):
            self.text(field, required=False, limit=40)
        if not isinstance(self.item.get("is_required", True), bool):
            self.add("is_required", _("Must be true or false."))
        self.limits(answer_type)
        self.options(answer_type)
        self.mapping(code, answer_type, mapped, previous)

    def choice(self, field: str, allowed, required: bool) -> str:
        value = self.item.get(field)
        if value is None or value == "":
            if required:
                self.add(field, _("This field is required."))
            return ""
        if not isinstance(value, str) or value not in allowed:
            self.add(field, _("Unknown value; use one of: %(values)s.") % {"values": ", ".join(allowed)})
            return ""
        return value

    def limits(self, answer_type: str):
        values = {}
        for field in ("minimum", "maximum"):
            raw = self.item.get(field)
            if raw is None:
                continue
            if answer_type and answer_type not in NUMERIC_TYPES:
                self.add(field, _("Only number and share indicators have a smallest or largest value."))
                continue
            number = _decimal(raw)
            if number is None:
                self.add(field, _("Must be a number with at most two decimals, or null."))
                continue
            values[field] = number
        if "minimum" in values and "maximum" in values and values["minimum"] > values["maximum"]:
            self.add("maximum", _("Must not be smaller than the minimum."))

    def options(self, answer_type: str):
        options = self.item.get("options", [])
        if not isinstance(options, list):
            self.add("options", _("Must be a list."))
            return
        if answer_type and answer_type not in CHOICE_TYPES:
            if options:
                self.add("options", _("Only choice and multiple-choice indicators have options."))
            return
        if answer_type and len(options) < 2:
            self.add("options", _("A choice or multiple-choice indicator needs at least two options."))
        codes: set = set()
        for index, option in enumerate(options):
            OptionChecker(self, f"options[{index}]", option).check(codes)

    def mapping(self, code: str, answer_type: str, mapped: dict, previous: dict | None):
        target = self.item.get("previous")
        if target is None:
            return
        if not isinstance(target, str) or not target:
            self.add("previous", _("Must be the code of an indicator of the previous version, or null."))
            return
        if self.parent.data.get("previous") is None:
            self.add("previous", _("An indicator can only map to a previous version when the catalogue names one."))
            return
        if previous is None:
            return  # the document's "previous" is wrong, and that is reported once
        old = previous.get(target)
        if old is None:
            self.add("previous", _("The previous version has no indicator %(code)s.") % {"code": target})
        elif target in mapped:
            self.add(
                "previous", _("%(code)s is already mapped by %(other)s.") % {"code": target, "other": mapped[target]}
            )
        elif answer_type and old.answer_type != answer_type:
            self.add(
                "previous",
                _("%(code)s has the answer type %(old)s; a mapped indicator must keep its answer type.")
                % {"code": target, "old": old.answer_type},
            )
        mapped.setdefault(target, code)


class OptionChecker:
    def __init__(self, parent: IndicatorChecker, path: str, option):
        self.parent, self.path, self.option = parent, path, option

    def add(self, field: str, message: str):
        self.parent.add(f"{self.path}.{field}" if field else self.path, message)

    def check(self, codes: set):
        if not isinstance(self.option, dict):
            self.add("", _("Each option must be a JSON object with code, sv, en and score."))
            return
        self.parent.parent.unknown_fields(f"{self.parent.path}.{self.path}.", self.option, OPTION_FIELDS)
        code = self.option.get("code")
        if not isinstance(code, str) or not code.strip():
            self.add("code", _("This field is required."))
        elif code in codes:
            self.add("code", _("The option code %(code)s is used more than once.") % {"code": code})
        codes.add(code if isinstance(code, str) else None)
        for language in ("sv", "en"):
            text = self.option.get(language)
            if not isinstance(text, str) or not text.strip():
                self.add(language, _("This field is required."))
        score = self.option.get("score")
        if isinstance(score, bool) or not isinstance(score, int | float) or not math.isfinite(score):
            self.add("score", _("Must be a number."))


def _decimal(raw) -> Decimal | None:
    """A finite number that fits the database columns (strings of digits are accepted too), else None."""
    if isinstance(raw, bool) or not isinstance(raw, int | float | str):
        return None
    try:
        value = Decimal(str(raw))
    except InvalidOperation:
        return None
    if not value.is_finite() or abs(value) >= NUMBER_LIMIT or value != value.quantize(Decimal("0.01")):
        return None
    return value


def validate_document(data) -> list[CatalogueError]:
    """Every problem of a catalogue document, or [] when it can be imported."""
    return Checker(data).check()


def to_decimal(raw) -> Decimal | None:
    return None if raw is None else _decimal(raw)
