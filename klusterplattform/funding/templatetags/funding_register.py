"""Template filters of the register's pages: a deadline in its own zone and amounts with digit grouping."""

from decimal import Decimal

from django import template
from django.utils.formats import number_format

register = template.Library()


@register.filter
def deadline_local(deadline):
    """The deadline's wall-clock time in its own zone, without a zone (templates would convert it again)."""
    return deadline.local_time().replace(tzinfo=None)


@register.filter
def amount(value):
    """A whole amount with digit grouping in the page language: 1 500 000 (sv), 1,500,000 (en)."""
    if value is None or value == "":
        return ""
    return number_format(Decimal(value).quantize(Decimal(1)), force_grouping=True)
