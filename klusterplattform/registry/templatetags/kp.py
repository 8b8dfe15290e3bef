"""Template helpers for the public pages: demo badge, language switch links, paging links, countries."""

from decimal import Decimal

from django import template
from django.urls import translate_url
from django.utils.formats import number_format
from django.utils.html import format_html
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from klusterplattform.core.permissions import check

from ..choices import RegionLevel
from ..countries import country_name as _country_name

register = template.Library()


@register.filter
def may(user, action):
    """{% if user|may:"cluster.edit" %}: the permission table decides what a page offers, as it decides the rest."""
    return check(user, action).allowed


@register.filter
def valid_on(label, day):
    """{% if label|valid_on:today %}: whether an official label is in force on the day (the model's own rule)."""
    return label.is_valid_on(day)


@register.simple_tag
def demo_badge():
    """The one mark for fictional demo objects: visible text, a tooltip, and a spoken explanation."""
    explanation = _("Fictional demo data, not a real organisation or programme")
    return format_html(
        '<span class="badge badge-demo" title="{}">{}<span class="visually-hidden"> – {}</span></span>',
        explanation,
        _("Demo"),
        explanation,
    )


@register.simple_tag(takes_context=True)
def language_url(context, language_code):
    """The current page in another language: Swedish without a prefix, English under /en/ (works without JS)."""
    request = context.get("request")
    if request is None:
        return "/" if language_code == "sv" else f"/{language_code}/"
    return translate_url(request.get_full_path(), language_code)


@register.simple_tag(takes_context=True)
def page_url(context, param, number):
    """A link to another page of a list, keeping the filters; page 1 drops the parameter."""
    request = context["request"]
    query = request.GET.copy()
    if number == 1:
        query.pop(param, None)
    else:
        query[param] = number
    encoded = query.urlencode()
    return f"?{encoded}" if encoded else request.path


@register.filter
def plain_number(value):
    """A decimal without trailing zeros, in the page language's format: 1.50 → "1,5" in Swedish, "1.5" in English."""
    if value is None or value == "":
        return ""
    value = Decimal(value)
    value = value.quantize(Decimal(1)) if value == value.to_integral_value() else value.normalize()
    return number_format(value)


@register.filter
def below_country(regions):
    """Regions finer than a whole country: beside the country name, a country-level region would only repeat it."""
    return [region for region in regions if region.level != RegionLevel.COUNTRY]


@register.filter
def country_name(code):
    return _country_name(code)


@register.simple_tag
def text_lang(obj, field):
    """Which language a bilingual field is shown in (it falls back to Swedish), for the lang attribute."""
    language = (get_language() or "sv")[:2]
    if getattr(obj, f"{field}_{language}", ""):
        return language
    return "sv" if getattr(obj, f"{field}_sv", "") else "en"
