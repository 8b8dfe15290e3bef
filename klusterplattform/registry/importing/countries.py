"""ISO 3166-1 alpha-2 country codes, for the import's country column (list from the tz database's iso3166.tab)."""

from django.utils.translation import gettext as _

from .cleaners import CellError

ISO_COUNTRIES = frozenset(
    """
    AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ CA
    CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA
    GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP
    KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS
    MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS
    RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW
    TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW
    """.split()  # noqa: SIM905 - 249 codes read better as a block than as a list of quoted strings
)
# Codes the EU itself uses (NUTS, VAT) where ISO differs, and Kosovo's code in common use.
EU_TO_ISO = {"EL": "GR", "UK": "GB"}
ALSO_ACCEPTED = frozenset({"XK"})


def clean_country(text: str) -> str:
    code = text.upper()
    code = EU_TO_ISO.get(code, code)
    if code not in ISO_COUNTRIES and code not in ALSO_ACCEPTED:
        raise CellError(_("“%(text)s” is not a two-letter ISO country code (e.g. SE, DE).") % {"text": text})
    return code
