"""The one questionnaire engine: questions defined as data, a Django form built from them, and summaries of the
answers. Feedback surveys and the stated-needs survey use it; later modules (application forms, evaluation
surveys) extend the kinds rather than write another.

A question is a `scale` (a whole number in a range, 1–5 by default; an optional one can be left unanswered) or
`text` (free text with a length limit). Labels are held in both languages and picked when shown.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field

from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

SCALE, TEXT = "scale", "text"


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


def form_field(question: Question) -> forms.Field:
    if question.kind == TEXT:
        return forms.CharField(
            label=question.label,
            help_text=question.help_text,
            required=question.required,
            max_length=question.max_length,
            widget=forms.Textarea(attrs={"rows": 4}),
        )
    if question.kind == SCALE:
        choices = [(str(n), str(n)) for n in question.scale]
        if not question.required:
            choices.append(("", _("No answer")))
        return forms.TypedChoiceField(
            label=question.label,
            help_text=question.help_text,
            required=question.required,
            choices=choices,
            coerce=int,
            empty_value=None,
            widget=forms.RadioSelect,
        )
    raise ValueError(f"Unknown question kind {question.kind!r}")


def form_class(questions: Iterable[Question], base: type[forms.Form] = forms.Form) -> type[forms.Form]:
    """A form with one field per question, named by the question's code, in the given order."""
    fields = {question.code: form_field(question) for question in questions}
    return type("QuestionnaireForm", (base,), fields)


@dataclass
class Summary:
    """The answers to one question: for a scale the count per value and the mean, for text the answers."""

    question: Question
    answered: int = 0
    counts: dict = field(default_factory=dict)
    mean: float | None = None
    texts: list = field(default_factory=list)


def summarise(questions: Iterable[Question], responses: Iterable[dict]) -> list[Summary]:
    """Per question, over many responses ({code: value}); unanswered questions are not counted."""
    questions = list(questions)
    summaries = {q.code: Summary(q, counts=dict.fromkeys(q.scale, 0) if q.kind == SCALE else {}) for q in questions}
    for response in responses:
        for question in questions:
            value = response.get(question.code)
            if value in (None, ""):
                continue
            summary = summaries[question.code]
            if question.kind == SCALE:
                if value in summary.counts:
                    summary.counts[value] += 1
                    summary.answered += 1
            else:
                summary.texts.append(value)
                summary.answered += 1
    for summary in summaries.values():
        if summary.question.kind == SCALE and summary.answered:
            total = sum(value * count for value, count in summary.counts.items())
            summary.mean = total / summary.answered
    return list(summaries.values())
