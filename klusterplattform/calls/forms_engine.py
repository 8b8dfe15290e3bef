"""Application forms as data: a call's form (`FormVersion.definition`) checked, turned into a Django form (through
the one questionnaire engine, core/questionnaire.py), its answers stored as JSON, and how complete they are.

A definition:

    {"sections": [
        {"code": "cluster", "title_sv": "Klusterorganisationen", "title_en": "The cluster organisation",
         "help_sv": "", "help_en": "",
         "fields": [
            {"code": "mission", "kind": "textarea", "label_sv": "...", "label_en": "...", "required": true,
             "max_length": 4000},
            {"code": "staff", "kind": "number", "label_sv": "...", "label_en": "...", "min": 0, "max": 500},
            {"code": "focus", "kind": "choice", "label_sv": "...", "label_en": "...",
             "options": [{"code": "a", "label_sv": "...", "label_en": "..."}]},
            {"code": "strategy", "kind": "file", "label_sv": "...", "label_en": "...",
             "extensions": [".pdf", ".docx"], "max_bytes": 10485760},
            {"code": "budget", "kind": "table", "label_sv": "...", "label_en": "...", "max_rows": 8,
             "columns": [{"code": "item", "label_sv": "...", "label_en": "...", "kind": "text"}]}]}]}

Kinds: text (one line), textarea, number, scale (a whole number from `low` to `high`, 1–5 by default), choice,
multiple, file, table. Codes are lower-case letters, digits and
underscores, unique across the form. A draft may be saved incomplete: the form does not insist on required fields
unless asked to (`require=True`); `completeness` says what is missing before submission.
"""

import copy
import re
from dataclasses import dataclass, field

from django import forms
from django.conf import settings
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _

from klusterplattform.core import questionnaire as q
from klusterplattform.core.uploads import SIGNATURES

KINDS = (q.TEXT, q.TEXTAREA, q.NUMBER, q.SCALE, q.CHOICE, q.MULTIPLE, q.FILE, q.TABLE)
CODE = re.compile(r"^[a-z][a-z0-9_]{0,59}$")
MAX_TABLE_ROWS = 50
MAX_TEXT_LENGTH = 20000

SECTION_KEYS = {"code", "title_sv", "title_en", "help_sv", "help_en", "fields"}
FIELD_KEYS = {"code", "kind", "label_sv", "label_en", "help_sv", "help_en", "required"}
KIND_KEYS = {
    q.TEXT: {"max_length"},
    q.TEXTAREA: {"max_length"},
    q.NUMBER: {"min", "max"},
    q.SCALE: {"low", "high"},
    q.CHOICE: {"options"},
    q.MULTIPLE: {"options"},
    q.FILE: {"extensions", "max_bytes"},
    q.TABLE: {"columns", "max_rows"},
}
OPTION_KEYS = {"code", "label_sv", "label_en"}
COLUMN_KEYS = {"code", "label_sv", "label_en", "kind"}


# ---------------------------------------------------------------------------------------------------------------
# Checking a definition


def _is_number(value) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _is_text(value) -> bool:
    return isinstance(value, str) and bool(value.strip())


def _check_labels(item: dict, where: str, names: tuple, problems: list) -> None:
    for name in names:
        if not _is_text(item.get(name)):
            problems.append(f"{where}.{name}: required text is missing")


def _check_keys(item: dict, allowed: set, where: str, problems: list) -> None:
    for key in sorted(set(item) - allowed):
        problems.append(f"{where}.{key}: unknown key")


def _check_code(item: dict, where: str, problems: list) -> str | None:
    code = item.get("code")
    if not isinstance(code, str) or not CODE.match(code):
        problems.append(
            f"{where}.code: a code is 1–60 lower-case letters, digits or underscores and starts with a letter"
        )
        return None
    return code


def _check_options(items, where: str, problems: list, *, columns: bool = False) -> None:
    if not isinstance(items, list) or not items:
        problems.append(f"{where}: a table needs columns" if columns else f"{where}: a choice field needs options")
        return
    seen = set()
    for index, item in enumerate(items):
        here = f"{where}[{index}]"
        if not isinstance(item, dict):
            problems.append(f"{here}: must be an object")
            continue
        _check_keys(item, COLUMN_KEYS if columns else OPTION_KEYS, here, problems)
        code = _check_code(item, here, problems)
        if code in seen:
            problems.append(f"{here}.code: {code!r} is used twice")
        seen.add(code)
        _check_labels(item, here, ("label_sv", "label_en"), problems)
        if columns and item.get("kind", q.TEXT) not in q.TABLE_COLUMN_KINDS:
            problems.append(f"{here}.kind: a column is text or number")


def _check_field(item: dict, where: str, problems: list) -> None:
    kind = item.get("kind")
    if kind not in KINDS:
        problems.append(f"{where}.kind: must be one of {', '.join(KINDS)}")
        _check_keys(item, FIELD_KEYS | set().union(*KIND_KEYS.values()), where, problems)
        return
    _check_keys(item, FIELD_KEYS | KIND_KEYS[kind], where, problems)
    _check_labels(item, where, ("label_sv", "label_en"), problems)
    for name in ("help_sv", "help_en"):
        if name in item and not isinstance(item[name], str):
            problems.append(f"{where}.{name}: must be text")
    if "required" in item and not isinstance(item["required"], bool):
        problems.append(f"{where}.required: must be true or false")
    if kind in (q.TEXT, q.TEXTAREA) and "max_length" in item:
        value = item["max_length"]
        if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= MAX_TEXT_LENGTH:
            problems.append(f"{where}.max_length: a whole number from 1 to {MAX_TEXT_LENGTH}")
    elif kind == q.NUMBER:
        for name in ("min", "max"):
            if name in item and not _is_number(item[name]):
                problems.append(f"{where}.{name}: must be a number")
        if _is_number(item.get("min")) and _is_number(item.get("max")) and item["min"] >= item["max"]:
            problems.append(f"{where}.max: must be greater than min")
    elif kind == q.SCALE:
        low, high = item.get("low", 1), item.get("high", 5)
        whole = all(isinstance(v, int) and not isinstance(v, bool) and 0 <= v <= 10 for v in (low, high))
        if not whole or low >= high:
            problems.append(f"{where}.high: low and high are whole numbers from 0 to 10, low below high")
    elif kind in (q.CHOICE, q.MULTIPLE):
        _check_options(item.get("options"), f"{where}.options", problems)
    elif kind == q.FILE:
        extensions = item.get("extensions")
        if not isinstance(extensions, list) or not extensions:
            problems.append(f'{where}.extensions: a file field needs a list of file types, e.g. [".pdf"]')
        else:
            for index, extension in enumerate(extensions):
                if extension not in SIGNATURES:
                    problems.append(
                        f"{where}.extensions[{index}]: {extension!r} is not a known type "
                        f"({', '.join(sorted(SIGNATURES))})"
                    )
        if "max_bytes" in item:
            value = item["max_bytes"]
            limit = settings.KP_MAX_UPLOAD_BYTES
            if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= limit:
                problems.append(f"{where}.max_bytes: a whole number of bytes from 1 to {limit}")
    elif kind == q.TABLE:
        _check_options(item.get("columns"), f"{where}.columns", problems, columns=True)
        value = item.get("max_rows", 5)
        if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= MAX_TABLE_ROWS:
            problems.append(f"{where}.max_rows: a whole number from 1 to {MAX_TABLE_ROWS}")


def validate_definition(definition) -> list[str]:
    """Every problem of a form definition, each with where it is ("sections[0].fields[2].options: …"); empty when
    the definition is good."""
    problems: list[str] = []
    if not isinstance(definition, dict):
        return ["(form): must be an object with a list of sections"]
    _check_keys(definition, {"sections"}, "(form)", problems)
    sections = definition.get("sections")
    if not isinstance(sections, list) or not sections:
        problems.append("sections: the form needs at least one section")
        return problems
    section_codes: dict[str, str] = {}
    field_codes: dict[str, str] = {}
    for s_index, section in enumerate(sections):
        where = f"sections[{s_index}]"
        if not isinstance(section, dict):
            problems.append(f"{where}: must be an object")
            continue
        _check_keys(section, SECTION_KEYS, where, problems)
        code = _check_code(section, where, problems)
        if code is not None:
            if code in section_codes:
                problems.append(f"{where}.code: {code!r} is already used by {section_codes[code]}")
            else:
                section_codes[code] = where
        _check_labels(section, where, ("title_sv", "title_en"), problems)
        fields = section.get("fields")
        if not isinstance(fields, list) or not fields:
            problems.append(f"{where}.fields: a section needs at least one field")
            continue
        for f_index, item in enumerate(fields):
            here = f"{where}.fields[{f_index}]"
            if not isinstance(item, dict):
                problems.append(f"{here}: must be an object")
                continue
            code = _check_code(item, here, problems)
            if code is not None:
                if code in field_codes:
                    problems.append(f"{here}.code: {code!r} is already used by {field_codes[code]}")
                else:
                    field_codes[code] = here
            _check_field(item, here, problems)
    return problems


# ---------------------------------------------------------------------------------------------------------------
# Reading a (valid) definition


def _pick(item: dict, name: str) -> str:
    english = (get_language() or "sv").startswith("en")
    preferred = item.get(f"{name}_en" if english else f"{name}_sv")
    return preferred or item.get(f"{name}_sv") or item.get(f"{name}_en") or ""


def question(item: dict) -> q.Question:
    """The questionnaire question for one field of a definition."""
    kind = item["kind"]
    values = {
        "code": item["code"],
        "label_sv": item.get("label_sv", ""),
        "label_en": item.get("label_en", ""),
        "help_sv": item.get("help_sv", ""),
        "help_en": item.get("help_en", ""),
        "kind": kind,
        "required": bool(item.get("required", False)),
    }
    if kind in (q.TEXT, q.TEXTAREA):
        values["max_length"] = item.get("max_length", 4000 if kind == q.TEXTAREA else 300)
        values["lines"] = 1 if kind == q.TEXT else 6
    elif kind == q.NUMBER:
        values["min_value"] = item.get("min")
        values["max_value"] = item.get("max")
    elif kind == q.SCALE:
        values["low"] = item.get("low", 1)
        values["high"] = item.get("high", 5)
    elif kind in (q.CHOICE, q.MULTIPLE):
        values["options"] = tuple(q.Option(o["code"], o["label_sv"], o["label_en"]) for o in item["options"])
    elif kind == q.FILE:
        values["extensions"] = tuple(item["extensions"])
        values["max_bytes"] = item.get("max_bytes") or settings.KP_MAX_UPLOAD_BYTES
    elif kind == q.TABLE:
        values["columns"] = tuple(
            q.Option(c["code"], c["label_sv"], c["label_en"], c.get("kind", q.TEXT)) for c in item["columns"]
        )
        values["max_rows"] = item.get("max_rows", 5)
    return q.Question(**values)


def _definition(form_version_or_definition) -> dict:
    if isinstance(form_version_or_definition, dict):
        return form_version_or_definition
    return form_version_or_definition.definition or {}


def sections(form_version) -> list[dict]:
    return list(_definition(form_version).get("sections", []))


def fields(form_version) -> list[dict]:
    """Every field of the form, in order, each with the code of its section under "section"."""
    return [
        {**item, "section": section["code"]} for section in sections(form_version) for item in section.get("fields", [])
    ]


def file_fields(form_version) -> list[q.Question]:
    """The form's file fields as questions (code, label, extensions, max_bytes, required): the applications pages
    store uploads for them in ApplicationFile and check each with `check_upload(question, upload)`."""
    return [question(item) for item in fields(form_version) if item["kind"] == q.FILE]


check_upload = q.check_upload


@dataclass
class Section:
    code: str
    title: str
    help: str
    fields: list = field(default_factory=list)  # bound fields


class ApplicationForm(forms.Form):
    """The form of one form version; `sections` lists its sections with their bound fields, in order."""

    form_version = None
    definition: dict = {}

    @property
    def sections(self) -> list[Section]:
        result = []
        for section in self.definition.get("sections", []):
            bound = [self[item["code"]] for item in section.get("fields", []) if item["code"] in self.fields]
            result.append(Section(section["code"], _pick(section, "title"), _pick(section, "help"), bound))
        return result


def form_for(form_version, *, data=None, files=None, initial=None, require: bool = False, with_files: bool = True):
    """A Django form for a form version. Required fields are marked (`field.kp_required`) but enforced only with
    `require=True` (a draft is saved incomplete; `completeness` is the check before submission). Without
    `with_files` the file fields are left out (the applications pages handle uploads themselves)."""
    definition = _definition(form_version)
    attributes = {"definition": definition, "form_version": form_version}
    for item in fields(definition):
        if item["kind"] == q.FILE and not with_files:
            continue
        the_question = question(item)
        if not require:
            the_question = q.Question(**{**the_question.__dict__, "required": False})
        form_field = q.form_field(the_question)
        form_field.kp_required = bool(item.get("required"))
        if form_field.kp_required:
            form_field.label = gettext("%(label)s (required)") % {"label": form_field.label}
            form_field.widget.caption = form_field.label
        form_field.kp_kind = item["kind"]
        attributes[item["code"]] = form_field
    form_class = type("ApplicationForm", (ApplicationForm,), attributes)
    return form_class(data=data, files=files, initial=initial)


def answers_from(form) -> dict:
    """The cleaned answers of a valid form as JSON-ready {code: value}; unanswered fields and file fields are left
    out."""
    answers = {}
    for name, value in form.cleaned_data.items():
        if getattr(form.fields[name], "kp_kind", None) == q.FILE:
            continue
        if isinstance(value, tuple):
            value = list(value)
        if q.is_answered(None, value):
            answers[name] = value
    return answers


@dataclass
class SectionCompleteness:
    code: str
    title: str
    answered: int  # required fields answered
    required: int

    @property
    def complete(self) -> bool:
        return self.answered == self.required


@dataclass
class Completeness:
    sections: list
    missing: list  # [{"code", "label", "section"}]

    @property
    def complete(self) -> bool:
        return not self.missing

    @property
    def answered(self) -> int:
        return sum(section.answered for section in self.sections)

    @property
    def required(self) -> int:
        return sum(section.required for section in self.sections)


def completeness(form_version, answers: dict, file_codes=()) -> Completeness:
    """Per section the required fields answered of those required, and the required fields still missing (a file
    field counts as answered when its code is in `file_codes`)."""
    answers = answers or {}
    file_codes = set(file_codes)
    result, missing = [], []
    for section in sections(form_version):
        answered = required = 0
        for item in section.get("fields", []):
            if not item.get("required"):
                continue
            required += 1
            if item["kind"] == q.FILE:
                done = item["code"] in file_codes
            else:
                done = q.is_answered(None, answers.get(item["code"]))
            if done:
                answered += 1
            else:
                missing.append({"code": item["code"], "label": _pick(item, "label"), "section": section["code"]})
        result.append(SectionCompleteness(section["code"], _pick(section, "title"), answered, required))
    return Completeness(result, missing)


# ---------------------------------------------------------------------------------------------------------------
# A call's versions


def current_form(call, now=None):
    """The call's latest form version, frozen (lazily, here) once the call has opened. A call without a form gets
    version 1 with the default form."""
    from .models import FormVersion

    now = now or timezone.now()
    version = call.form_versions.order_by("-number").first()
    if version is None:
        version, _created = FormVersion.objects.get_or_create(
            call=call, number=1, defaults={"definition": copy.deepcopy(DEFAULT_FORM)}
        )
    if version.frozen_at is None and call.opens_at <= now:
        # The row is locked, so only the first caller freezes it (through save(): the audit trail records it);
        # everyone else reads the stored time.
        with transaction.atomic():
            version = FormVersion.objects.select_for_update().get(pk=version.pk)
            if version.frozen_at is None:
                version.frozen_at = now
                version.save(update_fields=["frozen_at"])
    return version


class FormLocked(Exception):
    """The call has opened: its form no longer changes."""


def save_form(call, definition: dict, now=None):
    """Store a changed form before the call opens: a new version when the latest one is frozen (or none exists),
    else the unfrozen latest one is updated. The definition must be valid (validate_definition)."""
    from .models import FormVersion

    now = now or timezone.now()
    if call.opens_at <= now:
        current_form(call, now)
        raise FormLocked
    if validate_definition(definition):
        raise ValueError("invalid form definition")
    with transaction.atomic():
        latest = call.form_versions.select_for_update().order_by("-number").first()
        if latest is not None and latest.frozen_at is None:
            latest.definition = definition
            latest.save(update_fields=["definition"])
            return latest
        number = (call.form_versions.aggregate(top=Max("number"))["top"] or 0) + 1
        return FormVersion.objects.create(call=call, number=number, definition=definition)


# ---------------------------------------------------------------------------------------------------------------
# The default form of an S3-pilot-like call


def _field(code, kind, label_sv, label_en, *, required=False, help_sv="", help_en="", **extra):
    return {
        "code": code,
        "kind": kind,
        "label_sv": label_sv,
        "label_en": label_en,
        "help_sv": help_sv,
        "help_en": help_en,
        "required": required,
        **extra,
    }


def _option(code, label_sv, label_en):
    return {"code": code, "label_sv": label_sv, "label_en": label_en}


DEFAULT_FORM = {
    "sections": [
        {
            "code": "cluster",
            "title_sv": "Klusterorganisationen",
            "title_en": "The cluster organisation",
            "help_sv": "Beskriv klusterorganisationen och dess medlemmar.",
            "help_en": "Describe the cluster organisation and its members.",
            "fields": [
                _field(
                    "mission",
                    q.TEXTAREA,
                    "Klusterorganisationens uppdrag och mål",
                    "The cluster organisation's mission and goals",
                    required=True,
                    max_length=4000,
                ),
                _field(
                    "staff",
                    q.NUMBER,
                    "Antal anställda (heltidsekvivalenter)",
                    "Staff (full-time equivalents)",
                    required=True,
                    min=0,
                    max=1000,
                ),
                _field("members", q.NUMBER, "Antal medlemmar", "Number of members", required=True, min=0, max=100000),
            ],
        },
        {
            "code": "s3",
            "title_sv": "Prioritering i smart specialisering",
            "title_en": "Smart-specialisation priority",
            "help_sv": "Hur klustret hänger ihop med regionens strategi för smart specialisering.",
            "help_en": "How the cluster relates to the region's smart-specialisation strategy.",
            "fields": [
                _field(
                    "s3_area",
                    q.TEXT,
                    "Prioriterat område i regionens strategi",
                    "Priority area in the region's strategy",
                    required=True,
                    max_length=300,
                ),
                _field(
                    "s3_contribution",
                    q.TEXTAREA,
                    "Hur bidrar klustret till strategin?",
                    "How does the cluster contribute to the strategy?",
                    required=True,
                    max_length=4000,
                ),
            ],
        },
        {
            "code": "needs",
            "title_sv": "Behov och mål",
            "title_en": "Needs and goals",
            "help_sv": "",
            "help_en": "",
            "fields": [
                _field(
                    "focus",
                    q.MULTIPLE,
                    "Vilka utvecklingsområden söker ni stöd för?",
                    "Which areas of development do you seek support for?",
                    required=True,
                    options=[
                        _option("strategy", "Strategi och styrning", "Strategy and governance"),
                        _option("services", "Tjänster till medlemmar", "Services to members"),
                        _option("financing", "Finansiering", "Financing"),
                        _option("internationalisation", "Internationalisering", "Internationalisation"),
                        _option("green", "Grön omställning", "Green transition"),
                        _option("digital", "Digital omställning", "Digital transition"),
                    ],
                ),
                _field(
                    "goals",
                    q.TEXTAREA,
                    "Mål för perioden",
                    "Goals for the period",
                    required=True,
                    max_length=4000,
                ),
            ],
        },
        {
            "code": "international",
            "title_sv": "Internationalisering",
            "title_en": "Internationalisation",
            "help_sv": "",
            "help_en": "",
            "fields": [
                _field(
                    "international_level",
                    q.CHOICE,
                    "Hur internationellt aktiv är klusterorganisationen?",
                    "How internationally active is the cluster organisation?",
                    required=True,
                    options=[
                        _option("none", "Inte ännu", "Not yet"),
                        _option("some", "Enstaka samarbeten", "Occasional collaborations"),
                        _option("regular", "Regelbundna samarbeten", "Regular collaborations"),
                        _option("strategic", "Strategiska partnerskap", "Strategic partnerships"),
                    ],
                ),
                _field(
                    "international_plans",
                    q.TEXTAREA,
                    "Planer för internationellt samarbete",
                    "Plans for international collaboration",
                    max_length=4000,
                ),
            ],
        },
        {
            "code": "budget",
            "title_sv": "Budget",
            "title_en": "Budget",
            "help_sv": "Belopp i kronor.",
            "help_en": "Amounts in Swedish kronor.",
            "fields": [
                _field(
                    "budget",
                    q.TABLE,
                    "Budget per post",
                    "Budget per item",
                    required=True,
                    max_rows=8,
                    columns=[
                        {"code": "item", "label_sv": "Post", "label_en": "Item", "kind": q.TEXT},
                        {"code": "amount", "label_sv": "Belopp (kr)", "label_en": "Amount (SEK)", "kind": q.NUMBER},
                    ],
                ),
                _field(
                    "cofinancing",
                    q.NUMBER,
                    "Medfinansiering (kr)",
                    "Co-financing (SEK)",
                    min=0,
                ),
            ],
        },
        {
            "code": "attachments",
            "title_sv": "Bilagor",
            "title_en": "Attachments",
            "help_sv": "",
            "help_en": "",
            "fields": [
                _field(
                    "strategy_document",
                    q.FILE,
                    "Strategidokument",
                    "Strategy document",
                    required=True,
                    help_sv="PDF, DOCX eller ODT, högst 10 MB.",
                    help_en="PDF, DOCX or ODT, at most 10 MB.",
                    extensions=[".pdf", ".docx", ".odt"],
                    max_bytes=10 * 1024 * 1024,
                ),
            ],
        },
    ]
}

# Shown to an officer who asks what the form fields mean.
KIND_LABELS = {
    q.TEXT: _("one line of text"),
    q.TEXTAREA: _("several lines of text"),
    q.NUMBER: _("a number"),
    q.CHOICE: _("one of several options"),
    q.MULTIPLE: _("any of several options"),
    q.FILE: _("a file"),
    q.TABLE: _("a table"),
}


def answer_rows(form_version, answers: dict) -> list[dict]:
    """The answers for reading (templates/calls/form_answers.html): per section its title and, per non-file field,
    the label and the value as shown (an option's label, a table's rows as lists of cells in column order)."""
    answers = answers or {}
    result = []
    for section in sections(form_version):
        rows = []
        for item in section.get("fields", []):
            kind = item["kind"]
            if kind == q.FILE:
                continue
            value = answers.get(item["code"])
            columns = []
            if kind in (q.CHOICE, q.MULTIPLE):
                labels = {option["code"]: _pick(option, "label") for option in item.get("options", [])}
                if kind == q.CHOICE:
                    value = labels.get(value, value) if value else value
                else:
                    value = [labels.get(code, code) for code in value or []]
            elif kind == q.TABLE:
                columns = [{"code": c["code"], "label": _pick(c, "label")} for c in item.get("columns", [])]
                value = [[row.get(c["code"], "") for c in columns] for row in value or [] if isinstance(row, dict)]
            rows.append(
                {"code": item["code"], "kind": kind, "label": _pick(item, "label"), "value": value, "columns": columns}
            )
        result.append({"code": section["code"], "title": _pick(section, "title"), "fields": rows})
    return result
