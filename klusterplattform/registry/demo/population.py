"""The shape of the fictional population: which countries, which themes, which kinds of organisation, how many.

Weights are rough, plausible mixes for a European cluster landscape, not statistics about real clusters.
"""

from typing import NamedTuple


class DemoCountry(NamedTuple):
    iso: str
    nuts0: str
    locale: str  # Faker locale for names
    weight: int


COUNTRIES = [
    DemoCountry("SE", "SE", "sv_SE", 22),
    DemoCountry("DE", "DE", "de_DE", 16),
    DemoCountry("FR", "FR", "fr_FR", 11),
    DemoCountry("IT", "IT", "it_IT", 9),
    DemoCountry("ES", "ES", "es_ES", 9),
    DemoCountry("NL", "NL", "nl_NL", 6),
    DemoCountry("PL", "PL", "pl_PL", 6),
    DemoCountry("FI", "FI", "fi_FI", 5),
    DemoCountry("DK", "DK", "da_DK", 5),
    DemoCountry("AT", "AT", "de_AT", 4),
    DemoCountry("PT", "PT", "pt_PT", 4),
    DemoCountry("CZ", "CZ", "cs_CZ", 3),
]
LOCALE_BY_COUNTRY = {country.iso: country.locale for country in COUNTRIES}


class Theme(NamedTuple):
    ecosystem: str
    weight: int
    name_en: str  # "<surname> Health Cluster"
    name_sv: str  # "<surname> Hälsokluster"
    sectors: tuple[str, ...]
    nace: tuple[str, ...]  # typical NACE Rev. 2 classes of the companies in such a cluster


THEMES = [
    Theme(
        "aerospace-defence",
        3,
        "Aerospace Cluster",
        "Rymdkluster",
        ("aerospace-vehicles-defence", "metalworking-technology"),
        ("30.30", "25.62", "28.41", "33.16"),
    ),
    Theme(
        "agri-food",
        9,
        "Food Cluster",
        "Livsmedelskluster",
        (
            "food-processing-manufacturing",
            "agricultural-inputs-services",
            "livestock-processing",
            "fishing-fishing-products",
        ),
        ("10.11", "10.51", "10.71", "01.11", "01.41", "10.89"),
    ),
    Theme(
        "construction",
        6,
        "Construction Cluster",
        "Byggkluster",
        ("construction-products-services", "wood-products", "vulcanised-fired-materials"),
        ("41.20", "43.21", "23.61", "16.23", "71.12"),
    ),
    Theme(
        "cultural-creative",
        5,
        "Creative Industries Cluster",
        "Kulturkluster",
        ("marketing-design-publishing", "performing-arts", "video-production-distribution"),
        ("73.11", "74.10", "59.11", "90.01", "58.11"),
    ),
    Theme(
        "digital",
        12,
        "Digital Cluster",
        "Digitalkluster",
        ("information-technology-analytical-instruments", "communications-equipment-services", "business-services"),
        ("62.01", "62.02", "63.11", "61.10", "58.29"),
    ),
    Theme(
        "electronics",
        4,
        "Electronics Cluster",
        "Elektronikkluster",
        ("lighting-electrical-equipment", "information-technology-analytical-instruments"),
        ("26.11", "26.30", "27.12", "26.51"),
    ),
    Theme(
        "energy-intensive",
        4,
        "Process Industry Cluster",
        "Processindustrikluster",
        ("upstream-metal-manufacturing", "upstream-chemical-products", "paper-packaging", "plastics"),
        ("24.10", "20.14", "17.12", "23.51", "22.21"),
    ),
    Theme(
        "energy-renewables",
        7,
        "Energy Cluster",
        "Energikluster",
        ("electric-power-generation-transmission", "environmental-services"),
        ("35.11", "27.11", "43.22", "71.12"),
    ),
    Theme(
        "health",
        10,
        "Health Cluster",
        "Hälsokluster",
        ("biopharmaceuticals", "medical-devices"),
        ("21.20", "32.50", "72.11", "86.21"),
    ),
    Theme(
        "mobility-transport-automotive",
        7,
        "Mobility Cluster",
        "Mobilitetskluster",
        ("automotive", "transportation-logistics", "water-transportation"),
        ("29.10", "29.32", "49.41", "52.29", "50.20"),
    ),
    Theme(
        "proximity-social-economy",
        2,
        "Social Economy Cluster",
        "Samhällsinnovationskluster",
        ("business-services", "education-knowledge-creation"),
        ("88.99", "94.99", "70.22"),
    ),
    Theme(
        "retail",
        3,
        "Retail Cluster",
        "Handelskluster",
        ("distribution-e-commerce", "apparel"),
        ("47.91", "47.19", "46.90"),
    ),
    Theme(
        "textiles",
        3,
        "Textile Cluster",
        "Textilkluster",
        ("textile-manufacturing", "apparel", "footwear", "leather-related-products"),
        ("13.20", "13.96", "14.13", "15.20"),
    ),
    Theme(
        "tourism",
        5,
        "Tourism Cluster",
        "Besöksnäringskluster",
        ("hospitality-tourism", "performing-arts"),
        ("55.10", "56.10", "79.12", "93.29"),
    ),
]
THEME_BY_ECOSYSTEM = {theme.ecosystem: theme for theme in THEMES}

# Companies outside their cluster's core trade: consultants, engineering firms, IT and wholesale.
SUPPORTING_NACE = ("70.22", "71.12", "62.01", "46.69", "74.90", "25.62")

# Member organisation types (OrganisationType values) with their share, size classes and NACE classes.
ORGANISATION_MIX = {
    "sme": (74, {"micro": 45, "small": 35, "medium": 20}, ()),
    "large_company": (8, {"large": 100}, ()),
    "research": (6, {"medium": 30, "large": 50, "unknown": 20}, ("72.19", "72.11", "85.42")),
    "education": (4, {"medium": 50, "large": 30, "unknown": 20}, ("85.32", "85.42", "85.59")),
    "public_body": (4, {"large": 40, "medium": 40, "unknown": 20}, ("84.11", "84.13")),
    "other": (4, {"micro": 40, "small": 30, "unknown": 30}, ("94.11", "94.12", "82.30")),
}


def apportion(total: int, weights: list[int]) -> list[int]:
    """Split `total` by `weights` with the largest-remainder method, so small totals still reach many countries."""
    whole = sum(weights)
    shares = [total * weight / whole for weight in weights]
    counts = [int(share) for share in shares]
    by_remainder = sorted(range(len(weights)), key=lambda i: (counts[i] - shares[i], i))
    for i in by_remainder[: total - sum(counts)]:
        counts[i] += 1
    return counts
