"""Names of the countries the registry covers (EU, EEA, candidate countries, UK, CH), by ISO 3166-1 alpha-2 code.

Django ships no country names, and a dependency for ~40 names is not worth it. Unknown codes show as the code.
"""

from django.utils.translation import gettext_lazy as _

COUNTRY_NAMES = {
    "AL": _("Albania"),
    "AT": _("Austria"),
    "BA": _("Bosnia and Herzegovina"),
    "BE": _("Belgium"),
    "BG": _("Bulgaria"),
    "CH": _("Switzerland"),
    "CY": _("Cyprus"),
    "CZ": _("Czechia"),
    "DE": _("Germany"),
    "DK": _("Denmark"),
    "EE": _("Estonia"),
    "EL": _("Greece"),
    "ES": _("Spain"),
    "FI": _("Finland"),
    "FR": _("France"),
    "GB": _("United Kingdom"),
    "GR": _("Greece"),
    "HR": _("Croatia"),
    "HU": _("Hungary"),
    "IE": _("Ireland"),
    "IS": _("Iceland"),
    "IT": _("Italy"),
    "LI": _("Liechtenstein"),
    "LT": _("Lithuania"),
    "LU": _("Luxembourg"),
    "LV": _("Latvia"),
    "ME": _("Montenegro"),
    "MK": _("North Macedonia"),
    "MT": _("Malta"),
    "NL": _("Netherlands"),
    "NO": _("Norway"),
    "PL": _("Poland"),
    "PT": _("Portugal"),
    "RO": _("Romania"),
    "RS": _("Serbia"),
    "SE": _("Sweden"),
    "SI": _("Slovenia"),
    "SK": _("Slovakia"),
    "TR": _("Türkiye"),
    "UA": _("Ukraine"),
    "UK": _("United Kingdom"),
}


def country_name(code: str) -> str:
    return str(COUNTRY_NAMES.get((code or "").upper(), code or ""))
