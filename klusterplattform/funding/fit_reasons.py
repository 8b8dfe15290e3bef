"""The reasons of a funding fit and their words: `Reason(kind, positive, args)`, put into words when read, in the
language active then (a page, the API's request language, an e-mail's recipient). See fit.py for the rules."""

from typing import NamedTuple

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from . import search


class Reason(NamedTuple):
    """Why a call fits or not. `positive`: True for, False against, None neutral information. `text` is made in the
    language active when it is read."""

    kind: str
    positive: bool | None
    args: tuple = ()

    @property
    def text(self) -> str:
        return MESSAGES[self.kind](*self.args)

    def __str__(self):
        return self.text


def _names(terms) -> str:
    """Taxonomy terms by name in the active language."""
    return ", ".join(term.name for term in terms)


def _quoted(words) -> str:
    return ", ".join(f"'{w}'" for w in words)


def _theme_words(stems, source_text) -> list[str]:
    """The call's own words behind the matching stems (the first word of each), in the call's order."""
    found: dict[str, str] = {}
    for word in search.words(source_text):
        s = search.stem(word)
        if s in stems and s not in found:
            found[s] = word
    return [found.get(s, s) for s in sorted(stems, key=lambda s: list(found).index(s) if s in found else 99)]


def _key_text(call) -> str:
    """The text the call's key words come from (the same fields as FundingCall.search_terms)."""
    return " ".join([call.title, call.keywords, call.strand])


def _partners_text(min_partners, min_countries, have_partners, have_countries) -> str:
    including_you = ngettext("%(n)d partner including you", "%(n)d partners including you", have_partners) % {
        "n": have_partners
    }
    if min_partners and min_countries:
        return _(
            "requires ≥ %(partners)d partners in ≥ %(countries)d countries: you have partner clusters in "
            "%(have_countries)d (%(including_you)s)"
        ) % {
            "partners": min_partners,
            "countries": min_countries,
            "have_countries": have_countries,
            "including_you": including_you,
        }
    if min_countries:
        return _("requires partners in ≥ %(countries)d countries: you have partner clusters in %(have)d") % {
            "countries": min_countries,
            "have": have_countries,
        }
    return _("requires ≥ %(partners)d partners: you have %(including_you)s") % {
        "partners": min_partners,
        "including_you": including_you,
    }


def _closes_text(days: int, hours: int) -> str:
    if days < 1:
        return ngettext("closes in %(n)d hour", "closes in %(n)d hours", max(hours, 1)) % {"n": max(hours, 1)}
    return ngettext("closes in %(n)d day", "closes in %(n)d days", days) % {"n": days}


MESSAGES = {
    "ecosystem_match": lambda names: (
        ngettext("ecosystem %(names)s matches", "ecosystems %(names)s match", len(names)) % {"names": _names(names)}
    ),
    "ecosystem_mismatch": lambda names: (
        ngettext(
            "the call targets the ecosystem %(names)s, which is not in your profile",
            "the call targets the ecosystems %(names)s, none of which is in your profile",
            len(names),
        )
        % {"names": _names(names)}
    ),
    "themes_match": lambda stems, loader, call_id: (
        ngettext("%(words)s matches your profile", "%(words)s match your profile", len(stems))
        % {"words": _quoted(_theme_words(stems, _key_text(loader.get(call_id))))}
    ),
    "themes_none": lambda: _("none of the call's key words appear in your profile"),
    "cluster_organisations_yes": lambda: _("cluster organisations may apply"),
    "cluster_organisations_inferred": lambda: _(
        "the call text names cluster organisations (inferred, not an official statement)"
    ),
    "cluster_organisations_no": lambda: _("cluster organisations may not apply"),
    "cluster_organisations_unknown": lambda: _("the call does not say whether cluster organisations may apply"),
    "country_eligible": lambda country: _("%(country)s is an eligible country") % {"country": _country(country)},
    "country_not_eligible": lambda country: (
        _("%(country)s is not among the eligible countries") % {"country": _country(country)}
    ),
    "partners": _partners_text,
    "smes_yes": lambda n: (
        ngettext("requires SMEs: %(n)d of your members is an SME", "requires SMEs: %(n)d of your members are SMEs", n)
        % {"n": n}
    ),
    "smes_no": lambda: _("requires SMEs: none of your current members is registered as an SME"),
    "eccp_yes": lambda: _("requires ECCP registration: your profile links to your ECCP profile"),
    "eccp_no": lambda: _("requires ECCP registration: your profile has no ECCP profile link"),
    "less_developed_regions": lambda: _("requires partners from less-developed regions: check your partners' regions"),
    "closes_in": _closes_text,
    "closed": lambda: _("closed"),
    "no_deadline": lambda: _("no deadline stated"),
    "opens_on": lambda day: _("opens on %(date)s") % {"date": day.isoformat()},
    "opening_unknown": lambda: _("forthcoming; the opening date is not known yet"),
}


# The EU writes Greece as EL and the United Kingdom as UK; ISO 3166 says GR and GB.
COUNTRY_ALIASES = {"EL": "GR", "GR": "EL", "UK": "GB", "GB": "UK"}


def country_aliases(code: str) -> set[str]:
    code = (code or "").upper()
    return {code, COUNTRY_ALIASES[code]} if code in COUNTRY_ALIASES else {code}


def _country(code: str) -> str:
    from klusterplattform.registry.countries import country_name

    return country_name(code)
