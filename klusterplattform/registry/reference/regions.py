"""The 21 Swedish län and the EU-27 countries (as NUTS-0 regions), written into the project as data.

Länskod and ISO 3166-2 codes: https://sv.m.wikipedia.org/wiki/ISO_3166-2:SE
NUTS 2021/2024 codes and names (checked against Eurostat's NUTS 2024 code list, © European Union, CC BY 4.0):
https://ec.europa.eu/eurostat/web/nuts
English county names ("Stockholm County" …): https://en.wikipedia.org/wiki/Counties_of_Sweden
"""

from typing import NamedTuple

COUNTY_SOURCE_URL = "https://sv.m.wikipedia.org/wiki/ISO_3166-2:SE"
NUTS_SOURCE_URL = "https://ec.europa.eu/eurostat/web/nuts"


class County(NamedTuple):
    code: str  # länskod
    iso_code: str
    name_sv: str
    name_en: str
    nuts3_code: str
    nuts2_code: str
    nuts2_name: str


COUNTIES = [
    County("01", "SE-AB", "Stockholms län", "Stockholm County", "SE110", "SE11", "Stockholm"),
    County("03", "SE-C", "Uppsala län", "Uppsala County", "SE121", "SE12", "Östra Mellansverige"),
    County("04", "SE-D", "Södermanlands län", "Södermanland County", "SE122", "SE12", "Östra Mellansverige"),
    County("05", "SE-E", "Östergötlands län", "Östergötland County", "SE123", "SE12", "Östra Mellansverige"),
    County("06", "SE-F", "Jönköpings län", "Jönköping County", "SE211", "SE21", "Småland med öarna"),
    County("07", "SE-G", "Kronobergs län", "Kronoberg County", "SE212", "SE21", "Småland med öarna"),
    County("08", "SE-H", "Kalmar län", "Kalmar County", "SE213", "SE21", "Småland med öarna"),
    County("09", "SE-I", "Gotlands län", "Gotland County", "SE214", "SE21", "Småland med öarna"),
    County("10", "SE-K", "Blekinge län", "Blekinge County", "SE221", "SE22", "Sydsverige"),
    County("12", "SE-M", "Skåne län", "Skåne County", "SE224", "SE22", "Sydsverige"),
    County("13", "SE-N", "Hallands län", "Halland County", "SE231", "SE23", "Västsverige"),
    County("14", "SE-O", "Västra Götalands län", "Västra Götaland County", "SE232", "SE23", "Västsverige"),
    County("17", "SE-S", "Värmlands län", "Värmland County", "SE311", "SE31", "Norra Mellansverige"),
    County("18", "SE-T", "Örebro län", "Örebro County", "SE124", "SE12", "Östra Mellansverige"),
    County("19", "SE-U", "Västmanlands län", "Västmanland County", "SE125", "SE12", "Östra Mellansverige"),
    County("20", "SE-W", "Dalarnas län", "Dalarna County", "SE312", "SE31", "Norra Mellansverige"),
    County("21", "SE-X", "Gävleborgs län", "Gävleborg County", "SE313", "SE31", "Norra Mellansverige"),
    County("22", "SE-Y", "Västernorrlands län", "Västernorrland County", "SE321", "SE32", "Mellersta Norrland"),
    County("23", "SE-Z", "Jämtlands län", "Jämtland County", "SE322", "SE32", "Mellersta Norrland"),
    County("24", "SE-AC", "Västerbottens län", "Västerbotten County", "SE331", "SE33", "Övre Norrland"),
    County("25", "SE-BD", "Norrbottens län", "Norrbotten County", "SE332", "SE33", "Övre Norrland"),
]


class Country(NamedTuple):
    nuts0: str  # the NUTS-0 code is the region's code
    iso: str  # ISO 3166-1 alpha-2: differs from NUTS only for Greece (EL / GR)
    name_sv: str
    name_en: str


# EU-27 Member States with their NUTS-0 codes (Eurostat) and Swedish names as the EU's Swedish texts write them.
EU_COUNTRIES = [
    Country("AT", "AT", "Österrike", "Austria"),
    Country("BE", "BE", "Belgien", "Belgium"),
    Country("BG", "BG", "Bulgarien", "Bulgaria"),
    Country("CY", "CY", "Cypern", "Cyprus"),
    Country("CZ", "CZ", "Tjeckien", "Czechia"),
    Country("DE", "DE", "Tyskland", "Germany"),
    Country("DK", "DK", "Danmark", "Denmark"),
    Country("EE", "EE", "Estland", "Estonia"),
    Country("EL", "GR", "Grekland", "Greece"),
    Country("ES", "ES", "Spanien", "Spain"),
    Country("FI", "FI", "Finland", "Finland"),
    Country("FR", "FR", "Frankrike", "France"),
    Country("HR", "HR", "Kroatien", "Croatia"),
    Country("HU", "HU", "Ungern", "Hungary"),
    Country("IE", "IE", "Irland", "Ireland"),
    Country("IT", "IT", "Italien", "Italy"),
    Country("LT", "LT", "Litauen", "Lithuania"),
    Country("LU", "LU", "Luxemburg", "Luxembourg"),
    Country("LV", "LV", "Lettland", "Latvia"),
    Country("MT", "MT", "Malta", "Malta"),
    Country("NL", "NL", "Nederländerna", "Netherlands"),
    Country("PL", "PL", "Polen", "Poland"),
    Country("PT", "PT", "Portugal", "Portugal"),
    Country("RO", "RO", "Rumänien", "Romania"),
    Country("SE", "SE", "Sverige", "Sweden"),
    Country("SI", "SI", "Slovenien", "Slovenia"),
    Country("SK", "SK", "Slovakien", "Slovakia"),
]
COUNTRY_BY_NUTS0 = {country.nuts0: country for country in EU_COUNTRIES}
