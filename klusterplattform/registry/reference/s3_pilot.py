"""Tillväxtverket's S3-piloten (S3 Cluster Pilot) and the 20 cluster organisations on its programme page.

Source: the programme page as it stood at the end of the pilot (copy in shared/seed/s3-piloten.txt),
https://tillvaxtverket.se/amnesomraden/regional-kapacitet/smart-specialisering/klusterprogram---s3-piloten.html
Only public facts: name, län, and a website where one was published (DOMAIN.md 6.2). Nothing else is recorded about
these organisations here: members, staff, descriptions and labels are theirs to enter.
"""

from datetime import date
from typing import NamedTuple

PROGRAMME_PAGE = (
    "https://tillvaxtverket.se/amnesomraden/regional-kapacitet/smart-specialisering/klusterprogram---s3-piloten.html"
)
# Kick-off in Stockholm "end of August 2018" (ECCP news item): the exact day is not published, so the last day of
# that month stands for it. https://clustercollaboration.eu/news/launch-swedish-s3-cluster-pilot-national-platform-clusters-prioritized-regional
# Closing workshop on 12 November 2021 (programme page, "Avslutande workshop/seminarium").
PROGRAMME = {
    "slug": "s3-piloten",
    "name_sv": "S3-piloten",
    "name_en": "S3 Cluster Pilot",
    "owner": "Tillväxtverket",
    "starts_on": date(2018, 8, 31),
    "ends_on": date(2021, 11, 12),
    "website": PROGRAMME_PAGE,
}
PROGRAMME_DESCRIPTION = {
    "description_sv": (
        "Tillväxtverket valde efter en utlysning ut ett 20-tal kluster till klusterplattformen S3-piloten. "
        "Alla utvalda kluster är prioriterade i sina regioners strategier för smart specialisering. "
        "Syftet var att bidra till att professionalisera klusterledarrollen med stark betoning på att främja "
        "företagens utveckling och konkurrenskraft, och målet att stärka klusterorganisationernas strategiska "
        "förmåga. Inledningsvis certifierades klusterorganisationerna på bronsnivå enligt Cluster Excellence; "
        "resultatet blev också en samlad behovsanalys för kunskapsinsatser under 2019–2021. Piloten avslutades "
        "med en workshop den 12 november 2021."
    ),
    "description_en": (
        "After a call for applications, Tillväxtverket selected about twenty clusters for the S3 Cluster Pilot "
        "platform. Every selected cluster is prioritised in its region's smart specialisation strategy. "
        "The purpose was to help professionalise the role of cluster manager, with a strong emphasis on promoting "
        "companies' development and competitiveness, and the goal to strengthen the cluster organisations' "
        "strategic capability. At the start, the cluster organisations were certified at Bronze level under "
        "Cluster Excellence; the results also served as a joint needs analysis for knowledge activities in "
        "2019–2021. The pilot closed with a workshop on 12 November 2021."
    ),
}


class PilotCluster(NamedTuple):
    slug: str
    name: str  # as on the programme page
    county: str  # länskod
    website: str = ""  # only where DOMAIN.md 6.2 lists one


CLUSTERS = [
    PilotCluster("mobile-heights", "Mobile Heights", "12", "https://mobileheights.org"),
    PilotCluster("iuc-skane", "IUC Skåne", "12", "https://iucsyd.se"),
    PilotCluster("techtank", "Techtank", "10", "https://techtank.se"),
    PilotCluster("interior-cluster", "Interior Cluster", "07", "https://interiorcluster.se"),
    PilotCluster("automation-smaland", "Automation Småland", "06", "https://automationsmaland.se"),
    PilotCluster("smart-textiles", "Smart Textiles", "14", "https://smarttextiles.se"),
    PilotCluster("agro-vast", "Agro Väst", "14", "https://agrovast.se"),
    PilotCluster("iot-world", "IoT World", "05"),
    PilotCluster("aerospace-cluster", "Aerospace Cluster", "05", "https://aerospaceclustersweden.com"),
    PilotCluster("urban-ict-arena", "Urban ICT Arena", "01", "https://urbanictarena.se"),
    PilotCluster("compare", "Compare", "17", "https://compare.se"),
    PilotCluster("paper-province", "Paper Province", "17", "https://paperprovince.com"),
    PilotCluster("automation-region", "Automation Region", "19", "https://automationregion.com"),
    PilotCluster("jarnvagsklustret", "Järnvägsklustret", "19"),
    PilotCluster("sustainable-steel-region", "Sustainable Steel Region / Triple Steelix", "20"),
    PilotCluster("visit-dalarna", "Visit Dalarna", "20"),
    PilotCluster("fiber-optic-valley", "Fiber Optic Valley", "21"),
    PilotCluster("bron-innovation", "Bron Innovation", "22"),
    PilotCluster("georange", "Georange", "24"),
    PilotCluster("ai-big-data-innovations", "AI & Big Data Innovations", "25"),
]
