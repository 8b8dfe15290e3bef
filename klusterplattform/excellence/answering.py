"""Saving answers to a self-assessment from plain values: one validation for the form page and the API.

`save_answers(assessment, user, {code: raw})` validates every value first and writes nothing when any is wrong, so a
manager never ends up with half a page saved. Raw values: a number or numeric text for number/share ("12,5" is
accepted), "yes"/"no"/true/false for yes-no, an option code for a choice, a list of codes for a multiple choice, text
for text. An empty value clears the answer.
"""

from decimal import Decimal, InvalidOperation

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from .choices import AnswerType
from .models import Answer

TEXT_LIMIT = 5000


def _number(indicator, raw):
    if isinstance(raw, bool):
        raise ValidationError(_("Enter a number."))
    text = str(raw).strip().replace("\u00a0", "").replace(" ", "").replace(",", ".")
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise ValidationError(_("Enter a number.")) from None
    if not value.is_finite() or abs(value) >= Decimal("1e12"):
        raise ValidationError(_("Enter a number."))
    share = indicator.answer_type == AnswerType.SHARE
    # A share is a percentage: 0–100 unless the catalogue says otherwise.
    low = indicator.minimum if indicator.minimum is not None else (Decimal(0) if share else None)
    high = indicator.maximum if indicator.maximum is not None else (Decimal(100) if share else None)
    if low is not None and value < low:
        raise ValidationError(_("Enter a value of at least %(low)s.") % {"low": low})
    if high is not None and value > high:
        raise ValidationError(_("Enter a value of at most %(high)s.") % {"high": high})
    return {"number": value.quantize(Decimal("0.01"))}


def _yes_no(raw):
    if isinstance(raw, bool):
        return {"yes_no": raw}
    text = str(raw).strip().lower()
    if text in ("yes", "ja", "true", "1"):
        return {"yes_no": True}
    if text in ("no", "nej", "false", "0"):
        return {"yes_no": False}
    raise ValidationError(_("Answer yes or no."))


def _choices(indicator, raw, multiple: bool):
    codes = raw if isinstance(raw, list | tuple) else [raw]
    codes = [str(code) for code in codes if str(code).strip()]
    known = {option["code"] for option in indicator.options}
    unknown = [code for code in codes if code not in known]
    if unknown:
        raise ValidationError(_("Choose one of the listed options."))
    if not multiple and len(codes) > 1:
        raise ValidationError(_("Choose only one option."))
    return {"choices": list(dict.fromkeys(codes))}


def _text(raw):
    text = str(raw).strip()
    if len(text) > TEXT_LIMIT:
        raise ValidationError(_("Keep the answer under %(limit)s characters.") % {"limit": TEXT_LIMIT})
    return {"text": text}


def is_empty(raw) -> bool:
    return raw is None or (isinstance(raw, str) and not raw.strip()) or (isinstance(raw, list | tuple) and not raw)


def parse(indicator, raw) -> dict:
    """The answer fields for `raw`, or ValidationError with a message for the user."""
    kind = indicator.answer_type
    if is_empty(raw):
        return {"number": None, "yes_no": None, "choices": [], "text": ""}
    if kind in (AnswerType.NUMBER, AnswerType.SHARE):
        return _number(indicator, raw)
    if kind == AnswerType.YES_NO:
        return _yes_no(raw)
    if kind in (AnswerType.CHOICE, AnswerType.MULTIPLE):
        return _choices(indicator, raw, multiple=kind == AnswerType.MULTIPLE)
    if kind == AnswerType.TEXT:
        return _text(raw)
    raise ValidationError(_("Attach a file as evidence instead."))


def validate(assessment, values: dict) -> tuple[dict, dict]:
    """({indicator: fields}, {code: message}) for {code: raw}; unknown codes are errors too."""
    indicators = {i.code: i for i in assessment.catalogue.indicators.all()}
    parsed, errors = {}, {}
    for code, raw in values.items():
        indicator = indicators.get(code)
        if indicator is None:
            errors[code] = _("There is no indicator with this code in the assessment's catalogue.")
            continue
        try:
            parsed[indicator] = parse(indicator, raw)
        except ValidationError as error:
            errors[code] = error.messages[0]
    return parsed, errors


@transaction.atomic
def save_answers(assessment, user, values: dict) -> dict:
    """Validate all, then save all; returns {code: message} (and saves nothing) when any value is wrong."""
    from .permissions import can

    allowed, reason = can(user, "assessment.edit", assessment)
    if not allowed:
        raise PermissionDenied(reason)
    if not assessment.is_editable:
        raise ValidationError(_("This self-assessment can no longer be changed."))
    parsed, errors = validate(assessment, values)
    if errors:
        return errors
    existing = {a.indicator_id: a for a in assessment.answers.all()}
    for indicator, fields in parsed.items():
        answer = existing.get(indicator.pk) or Answer(assessment=assessment, indicator=indicator)
        blank = {"number": None, "yes_no": None, "choices": [], "text": ""}
        new = {**blank, **fields}
        changed = any(getattr(answer, name) != value for name, value in new.items())
        if answer.pk and not changed:
            continue
        for name, value in new.items():
            setattr(answer, name, value)
        answer.indicator = indicator
        answer.is_prefilled = False  # the manager's own value from now on
        answer.save()
    return {}
