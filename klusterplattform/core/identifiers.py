"""Validation of Swedish organisation numbers and other stable organisation keys."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

_DIGITS = re.compile(r"\D")


def luhn_valid(digits: str) -> bool:
    total = 0
    for index, char in enumerate(reversed(digits)):
        value = int(char)
        if index % 2 == 1:
            value *= 2
            if value > 9:
                value -= 9
        total += value
    return total % 10 == 0


def normalise_organisation_number(raw: str) -> str:
    """Return the ten-digit form NNNNNN-NNNN, or raise ValidationError with a reason a person understands.

    Accepts 10 digits, or 12 with a century prefix (16 for legal persons, 19/20 for sole traders).
    """
    digits = _DIGITS.sub("", raw or "")
    if len(digits) == 12:
        digits = digits[2:]
    if len(digits) != 10:
        raise ValidationError(_("An organisation number has 10 digits (NNNNNN-NNNN)."), code="length")
    if not luhn_valid(digits):
        raise ValidationError(_("The organisation number's check digit is wrong."), code="checksum")
    return f"{digits[:6]}-{digits[6:]}"


def validate_organisation_number(value: str) -> None:
    if value:
        normalise_organisation_number(value)


_VAT = re.compile(r"^[A-Z]{2}[0-9A-Z+*.]{2,13}$")


def normalise_vat_number(raw: str) -> str:
    vat = re.sub(r"[\s.\-]", "", (raw or "").upper())
    if not _VAT.match(vat):
        raise ValidationError(_("A VAT number starts with the two-letter country code (e.g. SE556677889901)."))
    return vat
