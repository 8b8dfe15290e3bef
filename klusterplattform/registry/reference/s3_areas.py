"""Published smart-specialisation (S3) priority areas of the Swedish regions, per län.

Titles are short renderings of what each region publishes (DOMAIN.md 3.3); the source URL travels with every area.
Ecosystem tags are set only where the mapping is obvious from the title. Västerbotten and Västernorrland publish
strength areas whose names we could not retrieve, so they have none here rather than invented ones.
"""

from typing import NamedTuple

TVV_REGION_FOR_REGION = (
    "https://tillvaxtverket.se/amnesomraden/regional-kapacitet/smart-specialisering/"
    "smart-specialisering---region-for-region.html"
)
DALARNA = (
    "https://www.regiondalarna.se/verksamhet/regional-utveckling/naringslivsutveckling/"
    "innovation-och-forskning/starka-foretag/"
)
SORMLAND = "https://regionsormland.se/tillvaxt-utveckling/naringsliv/smart-specialisering/"
VARMLAND = (
    "https://www.varmlandstrafik.se/regionvarmland/utveckling-tillvaxt/regional-utveckling/"
    "forskning-och-innovation/smart-specialisering"
)
VASTRA_GOTALAND = (
    "http://www.vgregion.se/regional-utveckling/verksamhetsomraden/forskning-och-innovation/"
    "smart-specialisering-i-vastra-gotaland/"
)
OSTERGOTLAND = (
    "https://www.regionostergotland.se/Regional-utveckling/Tillvaxt-och-marknadsforing/"
    "Naringslivsutveckling/Smart-specialisering/In-English---Smart-Specialisation/"
)
OSTRA_MELLANSVERIGE = (
    "https://regionvastmanland.se/utveckling/naringsliv-och-kompetensforsorjning/naringsliv/"
    "smart-specialisering-i-ostra-mellansverige/"
)


class Area(NamedTuple):
    slug: str
    title_sv: str
    title_en: str
    ecosystems: tuple[str, ...] = ()
    description_en: str = ""
    description_sv: str = ""


class Strategy(NamedTuple):
    county: str  # länskod
    prefix: str  # code prefix: area codes are "<prefix>-<slug>"
    source_url: str
    areas: list[Area]
    name: str = ""
    period: tuple[int | None, int | None] = (None, None)


_DEVELOPMENT_EN, _DEVELOPMENT_SV = "Development area.", "Utvecklingsområde."
_VG = {  # VG2020's four groups of areas
    "strength": ("Strength area.", "Styrkeområde."),
    "development": ("Development area.", "Utvecklingsområde."),
    "attractive": ("Enabling an attractive region.", "För en attraktiv region."),
    "knowledge": ("Knowledge-based development.", "Kunskapsbaserad utveckling."),
}


def _vg(slug, sv, en, group, ecosystems=()):
    return Area(slug, sv, en, ecosystems, *_VG[group])


_OMS_AREAS = [
    Area("smart-industry", "Smart industri", "Smart industry"),
    Area("energy-solutions", "Morgondagens energilösningar", "Tomorrow's energy solutions"),
    Area("food-supply", "Hållbar livsmedelsförsörjning", "Sustainable food supply", ("agri-food",)),
    Area(
        "life-science-welfare-tech",
        "Life science, välfärdsteknik och e-hälsa",
        "Life science, welfare technology and e-health",
        ("health",),
    ),
]
_OMS = {"name": "Smart specialisering i Östra Mellansverige", "period": (2023, 2027)}

STRATEGIES = [
    Strategy(
        "01",
        "stockholm",
        TVV_REGION_FOR_REGION,
        [
            Area("health-care", "Hälsa, vård och omsorg", "Health, care and social care", ("health",)),
            Area(
                "green-transport-housing",
                "Gröna transporter och bostäder",
                "Green transport and housing",
                ("mobility-transport-automotive", "construction"),
            ),
            Area("advanced-production", "Avancerad produktion och material", "Advanced production and materials"),
        ],
    ),
    Strategy("03", "uppsala-oms", OSTRA_MELLANSVERIGE, _OMS_AREAS, **_OMS),
    Strategy(
        "04",
        "sodermanland",
        SORMLAND,
        [
            Area(
                "advanced-manufacturing",
                "Avancerad tillverkning för krävande miljöer",
                "Advanced manufacturing for demanding environments",
            ),
            Area(
                "bio-based-industries",
                "Biobaserade näringar",
                "Bio-based industries",
                description_en="Sustainable production and efficient distribution.",
                description_sv="Hållbar produktion och effektiv distribution.",
            ),
            Area(
                "digital-services",
                "Affärsdrivna digitala tjänster",
                "Business-oriented digital services",
                ("digital",),
            ),
        ],
    ),
    Strategy(
        "05",
        "ostergotland",
        OSTERGOTLAND,
        [
            Area(
                "visualisation",
                "Visualisering, simulering och bildanalys",
                "Visualisation, simulation and image analysis",
                ("digital",),
            ),
            Area(
                "connected-systems",
                "Smarta, säkra och robusta uppkopplade produkter och system (IoT)",
                "Smart, secure and robust connected products and systems (IoT)",
                ("digital",),
            ),
            Area(
                "environmental-business",
                "Miljönytta som affär – hållbara systemlösningar",
                "Environmental benefit as business – sustainable system solutions",
            ),
            Area("logistics", "Effektiv logistik", "Efficient logistics", ("mobility-transport-automotive",)),
            Area("advanced-materials", "Avancerade material", "Advanced materials"),
        ],
    ),
    Strategy(
        "06",
        "jonkoping",
        TVV_REGION_FOR_REGION,
        [
            Area(
                "smart-industry",
                "Smart industri och kunskapsintensiv tillverkning",
                "Smart industry and knowledge-intensive manufacturing",
            ),
            Area("e-commerce-logistics", "E-handel och logistik", "E-commerce and logistics", ("retail",)),
            Area("forestry-wood", "Skogs- och träförädling", "Forestry and wood processing"),
            Area("visitor-industry", "Besöksnäring", "Visitor industry", ("tourism",)),
            Area("food", "Livsmedel och livsmedelsförädling", "Food and food processing", ("agri-food",)),
            Area("service-design", "Tjänstedesign", "Service design"),
        ],
    ),
    Strategy(
        "07",
        "kronoberg",
        TVV_REGION_FOR_REGION,
        [
            Area("sustainable-living", "Hållbart boende", "Sustainable living and housing", ("construction",)),
            Area("competitive-production", "Konkurrenskraftig produktion", "Competitive production"),
        ],
    ),
    Strategy("08", "kalmar", TVV_REGION_FOR_REGION, [Area("bio-innovation", "Bioinnovation", "Bio-innovation")]),
    Strategy(
        "09",
        "gotland",
        TVV_REGION_FOR_REGION,
        [
            Area("visitor-industry", "Besöksnäring", "Visitor industry", ("tourism",)),
            Area("food", "Livsmedel", "Food", ("agri-food",)),
        ],
    ),
    Strategy(
        "10",
        "blekinge",
        TVV_REGION_FOR_REGION,
        [
            Area("ict", "IKT", "ICT", ("digital",)),
            Area("digitalisation", "Digitalisering", "Digitalisation", ("digital",)),
            Area("material-processing", "Materialförädling", "Material processing"),
        ],
    ),
    Strategy(
        "12",
        "skane",
        TVV_REGION_FOR_REGION,
        [
            Area("tech", "Tech", "Tech", ("digital",)),
            Area("life-science-health", "Life science och hälsa", "Life science and health", ("health",)),
            Area("food", "Livsmedel", "Food", ("agri-food",)),
            Area(
                "advanced-materials-manufacturing",
                "Avancerade material och tillverkning",
                "Advanced materials and manufacturing",
            ),
            Area("smart-cities", "Smarta hållbara städer", "Smart sustainable cities"),
            Area(
                "ess-max-iv",
                "Innovationssystemet kring ESS, MAX IV och Science Village",
                "The innovation system around ESS, MAX IV and Science Village",
            ),
        ],
    ),
    Strategy(
        "13",
        "halland",
        TVV_REGION_FOR_REGION,
        [
            Area("health", "Hälsa", "Health", ("health",)),
            Area("green-growth", "Grön tillväxt", "Green growth"),
            Area("visitor-industry", "Besöksnäring", "Visitor industry", ("tourism",)),
            Area("it", "IT", "IT", ("digital",)),
        ],
    ),
    Strategy(
        "14",
        "vastra-gotaland",
        VASTRA_GOTALAND,
        [
            _vg("life-science", "Life science", "Life science", "strength", ("health",)),
            _vg(
                "sustainable-transport",
                "Hållbara transporter",
                "Sustainable transport",
                "strength",
                ("mobility-transport-automotive",),
            ),
            _vg("green-chemistry", "Grön kemi", "Green chemistry", "strength"),
            _vg(
                "maritime", "Marin miljö och maritima näringar", "Marine environment and maritime sector", "development"
            ),
            _vg("materials", "Material", "Materials", "development"),
            _vg("textile-fashion", "Textil och mode", "Textile and fashion", "development", ("textiles",)),
            _vg(
                "food-green", "Livsmedel och gröna näringar", "Food and green industries", "attractive", ("agri-food",)
            ),
            _vg("renewable-energy", "Förnybar energi", "Renewable energy", "attractive", ("energy-renewables",)),
            _vg(
                "cultural-creative",
                "Kulturella och kreativa näringar",
                "Cultural and creative industries",
                "attractive",
                ("cultural-creative",),
            ),
            _vg("visitor-industry", "Besöksnäring", "Visitor industry", "attractive", ("tourism",)),
            _vg(
                "urban-development",
                "Hållbar stadsutveckling",
                "Sustainable urban development",
                "attractive",
                ("construction",),
            ),
            _vg("ict", "IKT", "ICT", "knowledge", ("digital",)),
            _vg("sustainable-production", "Hållbar produktion", "Sustainable production", "knowledge"),
        ],
        name="VG2020",
    ),
    Strategy(
        "17",
        "varmland",
        VARMLAND,
        [
            Area("forest-bioeconomy", "Skogsbaserad bioekonomi", "Forest-based bioeconomy"),
            Area("digital-health", "Digital hälsoinnovation", "Digital health innovation", ("health", "digital")),
            Area(
                "advanced-manufacturing",
                "Avancerad tillverkning och komplexa system",
                "Advanced manufacturing and complex systems",
            ),
            Area(
                "solar-systems",
                "Hållbara systemlösningar med solenergi i centrum",
                "Sustainable system solutions centred on solar power",
                ("energy-renewables",),
            ),
            Area(
                "place-development",
                "Attraktionskraft genom hållbar platsutveckling",
                "Attraction through sustainable place development",
            ),
            Area("food", "Mat i hållbar samverkan", "Food in sustainable interplay", ("agri-food",)),
            Area(
                "games",
                "Datorspel och spelifiering",
                "Computer games and gamification",
                ("cultural-creative", "digital"),
            ),
        ],
    ),
    Strategy("18", "orebro-oms", OSTRA_MELLANSVERIGE, _OMS_AREAS, **_OMS),
    Strategy("19", "vastmanland-oms", OSTRA_MELLANSVERIGE, _OMS_AREAS, **_OMS),
    Strategy(
        "20",
        "dalarna",
        DALARNA,
        [
            Area("experience-production", "Upplevelseproduktion", "Experience production", ("tourism",)),
            Area(
                "energy-efficient-building",
                "Energieffektivt samhällsbyggande",
                "Energy-efficient community building",
                ("construction",),
            ),
            Area("advanced-industry", "Avancerad industri", "Advanced industry"),
            Area("health-welfare", "Hälsa och välfärd", "Health and welfare", ("health",)),
        ],
    ),
    Strategy(
        "21",
        "gavleborg",
        TVV_REGION_FOR_REGION,
        [
            Area(
                "materials-production",
                "Materialteknik och hållbar produktion",
                "Materials technology and sustainable production",
            ),
            Area(
                "smart-communities", "Smarta hållbara städer och samhällen", "Smart sustainable cities and communities"
            ),
            Area("working-life", "Hållbart och inkluderande arbetsliv", "Sustainable and inclusive working life"),
            Area("bioeconomy", "Bioekonomi", "Bioeconomy"),
            Area("digital-services", "Digitala tjänster och processer", "Digital services and processes", ("digital",)),
        ],
    ),
    Strategy(
        "23",
        "jamtland",
        TVV_REGION_FOR_REGION,
        [
            Area("soil-forest-water", "Jord, skog och vatten", "Soil, forest and water"),
            Area("experiences", "Upplevelser", "Experiences", ("tourism",)),
            Area("digital-solutions", "Digitala lösningar", "Digital solutions", ("digital",)),
            Area("sustainable-energy", "Hållbar energi", "Sustainable energy"),
        ],
    ),
    Strategy(
        "25",
        "norrbotten",
        TVV_REGION_FOR_REGION,
        [
            Area("nature-based-economy", "Naturbaserad ekonomi", "Nature-based economy"),
            Area(
                "visitor-industry", "Besöksnäring", "Visitor industry", ("tourism",), _DEVELOPMENT_EN, _DEVELOPMENT_SV
            ),
            Area(
                "cultural-creative",
                "Kulturella och kreativa näringar",
                "Cultural and creative industries",
                ("cultural-creative",),
                _DEVELOPMENT_EN,
                _DEVELOPMENT_SV,
            ),
            Area("space", "Rymd", "Space", ("aerospace-defence",), _DEVELOPMENT_EN, _DEVELOPMENT_SV),
            Area("arctic-testing", "Arktisk testverksamhet", "Arctic testing", (), _DEVELOPMENT_EN, _DEVELOPMENT_SV),
            Area("energy-technology", "Energiteknik", "Energy technology", (), _DEVELOPMENT_EN, _DEVELOPMENT_SV),
        ],
    ),
]
