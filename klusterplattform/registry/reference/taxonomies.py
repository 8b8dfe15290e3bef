"""The EU taxonomies clusters are described with: 14 industrial ecosystems and 51 sectoral industries.

Codes are stable slugs (URLs and the API filter on them); names are the EU's English names and our Swedish
translations. Technology fields are a short starter list only: the list is free and editable in the admin.
"""

from typing import NamedTuple

ECOSYSTEM_SOURCE_URL = "https://clustercollaboration.eu/typology"
SECTOR_SOURCE_URL = "https://clustercollaboration.eu/knowledge-sharing/publications/european-cluster-panorama"


class Term(NamedTuple):
    code: str
    name_en: str
    name_sv: str


# The 14 industrial ecosystems of the EU Industrial Strategy (March 2020), in ECCP's order.
ECOSYSTEMS = [
    Term("aerospace-defence", "Aerospace & defence", "Flyg, rymd och försvar"),
    Term("agri-food", "Agri-food", "Jordbruk och livsmedel"),
    Term("construction", "Construction", "Byggande"),
    Term("cultural-creative", "Cultural and creative industries", "Kulturella och kreativa näringar"),
    Term("digital", "Digital", "Digitalt"),
    Term("electronics", "Electronics", "Elektronik"),
    Term("energy-intensive", "Energy-intensive industries", "Energiintensiva industrier"),
    Term("energy-renewables", "Energy – renewables", "Förnybar energi"),
    Term("health", "Health", "Hälsa"),
    Term("mobility-transport-automotive", "Mobility – transport – automotive", "Mobilitet, transport och fordon"),
    Term(
        "proximity-social-economy",
        "Proximity, social economy and civil society",
        "Närhetsekonomi, social ekonomi och civilsamhälle",
    ),
    Term("retail", "Retail", "Detaljhandel"),
    Term("textiles", "Textiles", "Textil"),
    Term("tourism", "Tourism", "Turism"),
]

# The 51 sectoral ("traded") industries of the European Cluster Observatory / EOCIC, as ECCP profiles use them,
# in EU spelling (Defence, Jewellery, Vulcanised). Order and codes follow the English names alphabetically.
SECTORS = [
    Term("aerospace-vehicles-defence", "Aerospace Vehicles and Defence", "Flyg- och rymdfarkoster samt försvar"),
    Term("agricultural-inputs-services", "Agricultural Inputs and Services", "Insatsvaror och tjänster för jordbruket"),
    Term("apparel", "Apparel", "Kläder"),
    Term("automotive", "Automotive", "Fordonsindustri"),
    Term("biopharmaceuticals", "Biopharmaceuticals", "Biofarmaceutiska produkter"),
    Term("business-services", "Business Services", "Företagstjänster"),
    Term("coal-mining", "Coal Mining", "Kolbrytning"),
    Term(
        "communications-equipment-services",
        "Communications Equipment and Services",
        "Kommunikationsutrustning och kommunikationstjänster",
    ),
    Term("construction-products-services", "Construction Products and Services", "Byggprodukter och byggtjänster"),
    Term("distribution-e-commerce", "Distribution and Electronic Commerce", "Distribution och e-handel"),
    Term("downstream-chemical-products", "Downstream Chemical Products", "Förädlade kemiska produkter"),
    Term("downstream-metal-products", "Downstream Metal Products", "Förädlade metallprodukter"),
    Term("education-knowledge-creation", "Education and Knowledge Creation", "Utbildning och kunskapsutveckling"),
    Term(
        "electric-power-generation-transmission",
        "Electric Power Generation and Transmission",
        "Elproduktion och elöverföring",
    ),
    Term("environmental-services", "Environmental Services", "Miljötjänster"),
    Term("financial-services", "Financial Services", "Finansiella tjänster"),
    Term("fishing-fishing-products", "Fishing and Fishing Products", "Fiske och fiskprodukter"),
    Term(
        "food-processing-manufacturing",
        "Food Processing and Manufacturing",
        "Livsmedelsförädling och livsmedelstillverkning",
    ),
    Term("footwear", "Footwear", "Skor"),
    Term("forestry", "Forestry", "Skogsbruk"),
    Term("furniture", "Furniture", "Möbler"),
    Term("hospitality-tourism", "Hospitality and Tourism", "Besöksnäring och turism"),
    Term(
        "information-technology-analytical-instruments",
        "Information Technology and Analytical Instruments",
        "Informationsteknik och analysinstrument",
    ),
    Term("insurance-services", "Insurance Services", "Försäkringstjänster"),
    Term("jewellery-precious-metals", "Jewellery and Precious Metals", "Smycken och ädelmetaller"),
    Term("leather-related-products", "Leather and Related Products", "Läder och lädervaror"),
    Term("lighting-electrical-equipment", "Lighting and Electrical Equipment", "Belysning och elektrisk utrustning"),
    Term("livestock-processing", "Livestock Processing", "Förädling av animaliska produkter"),
    Term(
        "marketing-design-publishing",
        "Marketing, Design, and Publishing",
        "Marknadsföring, design och förlagsverksamhet",
    ),
    Term("medical-devices", "Medical Devices", "Medicintekniska produkter"),
    Term("metal-mining", "Metal Mining", "Brytning av metallmalm"),
    Term("metalworking-technology", "Metalworking Technology", "Metallbearbetningsteknik"),
    Term("music-sound-recording", "Music and Sound Recording", "Musik och ljudinspelning"),
    Term("nonmetal-mining", "Nonmetal Mining", "Brytning av icke-metalliska mineral"),
    Term(
        "oil-gas-production-transportation",
        "Oil and Gas Production and Transportation",
        "Utvinning och transport av olja och gas",
    ),
    Term("paper-packaging", "Paper and Packaging", "Papper och förpackningar"),
    Term("performing-arts", "Performing Arts", "Scenkonst"),
    Term("plastics", "Plastics", "Plast"),
    Term("printing-services", "Printing Services", "Tryckeritjänster"),
    Term(
        "production-technology-heavy-machinery",
        "Production Technology and Heavy Machinery",
        "Produktionsteknik och tunga maskiner",
    ),
    Term(
        "recreational-small-electric-goods",
        "Recreational and Small Electric Goods",
        "Fritidsartiklar och mindre elektriska varor",
    ),
    Term("textile-manufacturing", "Textile Manufacturing", "Textiltillverkning"),
    Term("tobacco", "Tobacco", "Tobak"),
    Term(
        "trailers-motor-homes-appliances",
        "Trailers, Motor Homes, and Appliances",
        "Släpvagnar, husbilar och hushållsapparater",
    ),
    Term("transportation-logistics", "Transportation and Logistics", "Transport och logistik"),
    Term("upstream-chemical-products", "Upstream Chemical Products", "Kemiska basprodukter"),
    Term("upstream-metal-manufacturing", "Upstream Metal Manufacturing", "Metallframställning"),
    Term(
        "video-production-distribution",
        "Video Production and Distribution",
        "Produktion och distribution av film och video",
    ),
    Term(
        "vulcanised-fired-materials",
        "Vulcanised and Fired Materials",
        "Vulkaniserade och brända material (gummi, keramik, glas)",
    ),
    Term("water-transportation", "Water Transportation", "Sjöfart"),
    Term("wood-products", "Wood Products", "Trävaror"),
]

# A short starter list, honestly sourced: the two fields on The Paper Province's ECCP profile
# (https://www.clustercollaboration.eu/node/595), plus fields named by S3-piloten clusters themselves
# (Automation Region, IoT World, AI & Big Data Innovations, Fiber Optic Valley, Smart Textiles). ECCP's full
# technology-field list was not retrieved; officers extend this list in the admin.
TECHNOLOGY_FIELDS = [
    Term("paper-technology", "Paper Technology", "Pappersteknik"),
    Term("pulp-technology", "Pulp Technology", "Massateknik"),
    Term("industrial-automation", "Industrial Automation", "Industriell automation"),
    Term("internet-of-things", "Internet of Things", "Sakernas internet"),
    Term("artificial-intelligence", "Artificial Intelligence", "Artificiell intelligens"),
    Term("big-data", "Big Data", "Stordata"),
    Term("fibre-optics", "Fibre Optics", "Fiberoptik"),
    Term("smart-textiles", "Smart Textiles", "Smarta textilier"),
]
