"""{{ obj|history_url }}: the link to an object's audit trail (show it only to users who may see it)."""

from django import template

from ..audit import audit_url

register = template.Library()


@register.filter
def history_url(obj) -> str:
    return audit_url(obj)
