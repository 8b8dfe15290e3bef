"""The one questionnaire engine: questions defined as data, a Django form built from them, and summaries of the
answers. Feedback surveys, the stated-needs survey and the application forms of calls (calls/forms_engine.py) use
it; later modules extend the kinds rather than write another.

Kinds of question:

- `scale`: a whole number in a range (1–5 by default); an optional one can be left unanswered.
- `text`: free text with a length limit (a text area of `lines` rows; `lines=1` is a one-line input).
- `textarea`: the same as `text`, always several lines.
- `number`: a number, optionally between `min_value` and `max_value`.
- `choice`: one of `options`; `multiple`: any of `options` (check boxes).
- `file`: an upload of one of `extensions` (checked by core/uploads.py) up to `max_bytes`.
- `table`: up to `max_rows` rows of `columns` (text or number); the inputs are named `<code>-<row>-<column>`,
  blank rows are ignored, and the answer is a list of {column code: value}.

Labels are held in both languages and picked when shown.
"""

import decimal
from collections.abc import Iterable
from dataclasses import dataclass, field

from django import forms
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.html import format_html, format_html_join
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _

SCALE, TEXT, TEXTAREA, NUMBER, CHOICE, MULTIPLE, FILE, TABLE = (
    "scale",
    "text",
    "textarea",
    "number",
    "choice",
    "multiple",
    "file",
    "table",
)
KINDS = (SCALE, TEXT, TEXTAREA, NUMBER, CHOICE, MULTIPLE, FILE, TABLE)
TABLE_COLUMN_KINDS = (TEXT, NUMBER)


@dataclass(frozen=True)
class Option:
    """An option of a choice or multiple question, or a column of a table (then with a kind)."""

    code: str
    label_sv: str
    label_en: str
    kind: str = TEXT

    @property
    def label(self) -> str:
        return _pick(self, "label")


@dataclass(frozen=True)
class Question:
    code: str
    label_sv: str
    label_en: str
    kind: str = SCALE
    required: bool = False
    low: int = 1
    high: int = 5
    help_sv: str = ""
    help_en: str = ""
    max_length: int = 4000
    lines: int = 4
    min_value: float | None = None
    max_value: float | None = None
    options: tuple = ()
    extensions: tuple = ()
    max_bytes: int | None = None
    columns: tuple = ()
    max_rows: int = 5

    @property
    def label(self) -> str:
        return _pick(self, "label")

    @property
    def help_text(self) -> str:
        return _pick(self, "help")

    @property
    def scale(self) -> range:
        return range(self.low, self.high + 1)


def _pick(question, name: str) -> str:
    english = (get_language() or "sv").startswith("en")
    preferred = getattr(question, f"{name}_en" if english else f"{name}_sv")
    return preferred or getattr(question, f"{name}_sv") or getattr(question, f"{name}_en")


def plain_number(value):
    """A Decimal as an int when whole, else a float (JSON-friendly); None stays None."""
    if value is None:
        return None
    if isinstance(value, decimal.Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value


class NumberField(forms.DecimalField):
    """A number answer: a Decimal while cleaning, stored as an int or float."""

    def clean(self, value):
        return plain_number(super().clean(value))


class TableWidget(forms.Widget):
    """A fixed number of rows of inputs in an HTML table: a caption (the question), a header cell per column, and
    each input labelled by its column and row."""

    def __init__(self, question: Question, attrs=None):
        super().__init__(attrs)
        self.question = question

    def value_from_datadict(self, data, files, name):
        return [
            {column.code: data.get(f"{name}-{row}-{column.code}", "") for column in self.question.columns}
            for row in range(self.question.max_rows)
        ]

    def id_for_label(self, id_):
        # The table's caption names it and each input has its own label; links to the field lead to its first cell.
        columns = self.question.columns
        return f"{id_}-0-{columns[0].code}" if id_ and columns else None

    def value_omitted_from_data(self, data, files, name):
        return not any(key.startswith(f"{name}-") for key in data)

    def render(self, name, value, attrs=None, renderer=None):
        rows = list(value or [])
        rows += [{}] * (self.question.max_rows - len(rows))
        columns = self.question.columns
        header = format_html_join("", '<th scope="col">{}</th>', ((column.label,) for column in columns))
        body = []
        for number, row in enumerate(rows[: self.question.max_rows]):
            cells = []
            for column in columns:
                cell_value = row.get(column.code, "") if isinstance(row, dict) else ""
                cells.append(
                    format_html(
                        '<td><input type="{}" name="{}" id="{}" value="{}" aria-label="{}"{}></td>',
                        "text",
                        f"{name}-{number}-{column.code}",
                        f"id_{name}-{number}-{column.code}",
                        "" if cell_value is None else cell_value,
                        gettext("%(column)s, row %(row)s") % {"column": column.label, "row": number + 1},
                        " inputmode=decimal" if column.kind == NUMBER else "",
                    )
                )
            body.append(
                format_html(
                    '<tr><th scope="row">{}</th>{}</tr>', number + 1, format_html_join("", "{}", ((c,) for c in cells))
                )
            )
        return format_html(
            '<table class="form-table" id="id_{}"><caption>{}</caption><thead><tr><th scope="col">{}</th>{}</tr>'
            "</thead><tbody>{}</tbody></table>",
            name,
            getattr(self, "caption", None) or self.question.label,
            gettext("Row"),
            header,
            format_html_join("", "{}", ((row,) for row in body)),
        )


class TableField(forms.Field):
    """The answer is the list of non-blank rows, each {column code: text or number}."""

    def __init__(self, question: Question, **kwargs):
        self.question = question
        kwargs.setdefault("widget", TableWidget(question))
        super().__init__(**kwargs)

    def to_python(self, value):
        rows = []
        errors = []
        for number, row in enumerate(value or []):
            if not isinstance(row, dict):
                continue
            cleaned = {}
            for column in self.question.columns:
                cell = row.get(column.code)
                cell = "" if cell is None else str(cell).strip()
                if column.kind == NUMBER and cell:
                    try:
                        cleaned[column.code] = plain_number(decimal.Decimal(cell.replace(",", ".").replace(" ", "")))
                    except decimal.InvalidOperation:
                        errors.append(
                            ValidationError(
                                _("Row %(row)s, %(column)s: enter a number."),
                                params={"row": number + 1, "column": column.label},
                                code="invalid",
                            )
                        )
                        cleaned[column.code] = cell
                else:
                    if len(cell) > 1000:
                        errors.append(
                            ValidationError(
                                _("Row %(row)s, %(column)s: at most 1000 characters."),
                                params={"row": number + 1, "column": column.label},
                                code="max_length",
                            )
                        )
                    cleaned[column.code] = cell
            if any(v not in ("", None) for v in cleaned.values()):
                rows.append(cleaned)
        if errors:
            raise ValidationError(errors)
        return rows

    def validate(self, value):
        if self.required and not value:
            raise ValidationError(self.error_messages["required"], code="required")


class QuestionFileField(forms.FileField):
    """An upload checked by core/uploads.py: its type by name and content, and the question's size limit."""

    def __init__(self, question: Question, **kwargs):
        self.question = question
        super().__init__(**kwargs)

    def clean(self, data, initial=None):
        upload = super().clean(data, initial)
        if upload and upload is not initial and hasattr(upload, "size"):
            check_upload(self.question, upload)
        return upload


def check_upload(question: Question, upload) -> str:
    """Validate an upload for a file question; the file's extension, or ValidationError."""
    from .uploads import validate_upload

    if question.max_bytes and upload.size > question.max_bytes:
        raise ValidationError(
            _("The file is %(size)s; this field accepts at most %(limit)s."),
            params={"size": filesizeformat(upload.size), "limit": filesizeformat(question.max_bytes)},
            code="too_large",
        )
    return validate_upload(
        upload,
        tuple(question.extensions),
        gettext("Attach a file of one of these types: %(types)s.") % {"types": ", ".join(question.extensions)},
    )


def form_field(question: Question) -> forms.Field:
    common = {"label": question.label, "help_text": question.help_text, "required": question.required}
    if question.kind in (TEXT, TEXTAREA):
        if question.kind == TEXT and question.lines == 1:
            widget = forms.TextInput()
        else:
            widget = forms.Textarea(attrs={"rows": max(question.lines, 2)})
        return forms.CharField(max_length=question.max_length, widget=widget, **common)
    if question.kind == SCALE:
        choices = [(str(n), str(n)) for n in question.scale]
        if not question.required:
            choices.append(("", _("No answer")))
        return forms.TypedChoiceField(choices=choices, coerce=int, empty_value=None, widget=forms.RadioSelect, **common)
    if question.kind == NUMBER:
        return NumberField(
            min_value=question.min_value,
            max_value=question.max_value,
            widget=forms.NumberInput(attrs={"step": "any"}),
            **common,
        )
    if question.kind == CHOICE:
        choices = [(option.code, option.label) for option in question.options]
        if not question.required:
            choices.append(("", _("No answer")))
        return forms.ChoiceField(choices=choices, widget=forms.RadioSelect, **common)
    if question.kind == MULTIPLE:
        return forms.MultipleChoiceField(
            choices=[(option.code, option.label) for option in question.options],
            widget=forms.CheckboxSelectMultiple,
            **common,
        )
    if question.kind == FILE:
        accept = ",".join(question.extensions)
        return QuestionFileField(question, widget=forms.ClearableFileInput(attrs={"accept": accept}), **common)
    if question.kind == TABLE:
        return TableField(question, **common)
    raise ValueError(f"Unknown question kind {question.kind!r}")


def form_class(questions: Iterable[Question], base: type[forms.Form] = forms.Form) -> type[forms.Form]:
    """A form with one field per question, named by the question's code, in the given order."""
    fields = {question.code: form_field(question) for question in questions}
    return type("QuestionnaireForm", (base,), fields)


def is_answered(question: Question, value) -> bool:
    """Whether a stored answer counts as an answer (an empty list, text or table is none)."""
    if value is None or value == "" or value == [] or value == {}:
        return False
    return not (isinstance(value, str) and not value.strip())


@dataclass
class Summary:
    """The answers to one question: for a scale (and a choice or multiple) the count per value and, for a scale or
    number, the mean; for text the answers."""

    question: Question
    answered: int = 0
    counts: dict = field(default_factory=dict)
    mean: float | None = None
    texts: list = field(default_factory=list)


def _initial_counts(question: Question) -> dict:
    if question.kind == SCALE:
        return dict.fromkeys(question.scale, 0)
    if question.kind in (CHOICE, MULTIPLE):
        return dict.fromkeys((option.code for option in question.options), 0)
    return {}


def summarise(questions: Iterable[Question], responses: Iterable[dict]) -> list[Summary]:
    """Per question, over many responses ({code: value}); unanswered questions are not counted."""
    questions = list(questions)
    summaries = {q.code: Summary(q, counts=_initial_counts(q)) for q in questions}
    totals = dict.fromkeys(summaries, 0.0)
    for response in responses:
        for question in questions:
            value = response.get(question.code)
            if value in (None, ""):
                continue
            summary = summaries[question.code]
            if question.kind in (SCALE, CHOICE):
                if value in summary.counts:
                    summary.counts[value] += 1
                    summary.answered += 1
            elif question.kind == MULTIPLE:
                chosen = [code for code in value if code in summary.counts] if isinstance(value, list) else []
                for code in chosen:
                    summary.counts[code] += 1
                if chosen:
                    summary.answered += 1
            elif question.kind == NUMBER:
                if isinstance(value, int | float) and not isinstance(value, bool):
                    totals[question.code] += value
                    summary.answered += 1
            elif question.kind in (TEXT, TEXTAREA):
                summary.texts.append(value)
                summary.answered += 1
            elif is_answered(question, value):
                summary.answered += 1
    for summary in summaries.values():
        if summary.question.kind == SCALE and summary.answered:
            total = sum(value * count for value, count in summary.counts.items())
            summary.mean = total / summary.answered
        elif summary.question.kind == NUMBER and summary.answered:
            summary.mean = totals[summary.question.code] / summary.answered
    return list(summaries.values())
