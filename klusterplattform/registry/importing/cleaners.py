"""Cell cleaners: text in, clean value out, or CellError with a reason a person can act on.

They run once per cell on files of 100,000 rows, so they use precompiled patterns and dictionary look-ups, not forms
or full_clean (see docs/performance.md).
"""

import re
from datetime import date

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from klusterplattform.core.identifiers import normalise_organisation_number, normalise_vat_number

from ..choices import MembershipKind, OrganisationType, SizeClass


class CellError(ValueError):
    """One cell's value is not acceptable; the message says why, in the user's language."""


def _token(text: str) -> str:
    return "_".join(text.casefold().replace("-", " ").split())


def _choice(aliases: dict[str, str], choices, what: str):
    table = {_token(alias): value for alias, value in aliases.items()}
    table.update({_token(value): value for value in choices.values})
    table.update({_token(str(label)): value for value, label in choices.choices})
    allowed = ", ".join(choices.values)

    def clean(text: str) -> str:
        value = table.get(text) or table.get(_token(text))  # most files use the codes themselves
        if value is None:
            message = _("“%(text)s” is not a known %(what)s (use %(allowed)s).")
            raise CellError(message % {"text": text, "what": what, "allowed": allowed})
        return value

    return clean


clean_type = _choice(
    {
        "smf": "sme",
        "små och medelstora företag": "sme",
        "small and medium sized enterprise": "sme",
        "storföretag": "large_company",
        "stort företag": "large_company",
        "large company": "large_company",
        "large enterprise": "large_company",
        "forskning": "research",
        "forskningsorganisation": "research",
        "universitet": "research",
        "universitet eller högskola": "research",
        "university": "research",
        "utbildning": "education",
        "utbildningsanordnare": "education",
        "offentlig": "public_body",
        "offentlig aktör": "public_body",
        "offentlig sektor": "public_body",
        "public sector": "public_body",
        "övrig": "other",
        "övriga": "other",
        "annan": "other",
        "annat": "other",
    },
    OrganisationType,
    gettext_lazy("organisation type"),
)
clean_size_class = _choice(
    {"mikro": "micro", "mikroföretag": "micro", "små": "small", "liten": "small", "litet": "small"}
    | {"medel": "medium", "medelstor": "medium", "medelstort": "medium", "stor": "large", "stort": "large"}
    | {"okänd": "unknown", "okänt": "unknown"},
    SizeClass,
    gettext_lazy("size class"),
)
clean_membership_kind = _choice(
    {"medlem": "member", "deltagare": "participant", "deltagande": "participant", "participating": "participant"},
    MembershipKind,
    gettext_lazy("membership kind"),
)


def clean_organisation_number(text: str) -> str:
    try:
        return normalise_organisation_number(text)
    except ValidationError as exc:
        raise CellError(exc.messages[0]) from None


def clean_vat_number(text: str) -> str:
    try:
        return normalise_vat_number(text)
    except ValidationError as exc:
        raise CellError(exc.messages[0]) from None


def clean_other_id(text: str) -> str:
    if len(text) > 57:
        raise CellError(_("An identifier has at most 57 characters."))
    return text


def clean_name(text: str) -> str:
    text = " ".join(text.split())
    if len(text) > 250:
        raise CellError(_("A name has at most 250 characters."))
    return text


_NACE = re.compile(r"[A-Ua-u]?\s?(\d{2}(?:\.\d{1,2}(?:\.\d{1,2})?)?|\d{2,5})")


def clean_nace_code(text: str) -> str:
    match = _NACE.fullmatch(text)
    if match is None:
        raise CellError(_("A NACE code looks like 62.01 (or the SNI form 62010)."))
    return match.group(1)


_SWEDISH_POSTCODE = re.compile(r"(\d{3}) ?(\d{2})")
_FOREIGN_POSTCODE = re.compile(r"[A-Za-z0-9][A-Za-z0-9 \-]{1,9}")


def clean_postcode(text: str, country: str) -> str:
    if country == "SE":
        match = _SWEDISH_POSTCODE.fullmatch(text)
        if match is None:
            raise CellError(_("A Swedish postcode has five digits (123 45)."))
        return match.group(1) + match.group(2)
    if _FOREIGN_POSTCODE.fullmatch(text) is None:
        raise CellError(_("A postcode has at most 10 letters, digits, spaces or hyphens."))
    return text.upper()


_MUNICIPALITY = re.compile(r"\d{3,4}")


def clean_municipality_code(text: str) -> str:
    if _MUNICIPALITY.fullmatch(text) is None:
        raise CellError(_("A municipality code (kommunkod) has four digits, e.g. 0180."))
    return text.zfill(4)  # spreadsheets drop the leading zero of 0180


def clean_joined(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise CellError(_("A date is written YYYY-MM-DD, e.g. 2024-03-01.")) from None


_WEBSITE = re.compile(
    r"https?://(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}\.?(?::\d{1,5})?(?:[/?#]\S*)?", re.IGNORECASE
)
_HAS_SCHEME = re.compile(r"[a-z][a-z0-9+.\-]*://", re.IGNORECASE)
_url_validator = URLValidator(schemes=["http", "https"])


def clean_website(text: str) -> str:
    url = text if _HAS_SCHEME.match(text) else f"https://{text}"
    if len(url) > 300:
        raise CellError(_("A web address has at most 300 characters."))
    if _WEBSITE.fullmatch(url) is None:
        try:  # the slow, complete check for what the fast pattern does not cover (IP addresses, IDN names)
            _url_validator(url)
        except ValidationError:
            raise CellError(_("“%(text)s” is not a web address.") % {"text": text}) from None
    return url
