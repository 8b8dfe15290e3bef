"""Response and query schemas of the registry API. They document the API (OpenAPI) and validate the slower endpoints;
the directory list is serialised by hand for speed but keeps to ClusterPage (a test checks it)."""

from datetime import date

from ninja import Field, Schema


class ErrorOut(Schema):
    detail: str


class CodeName(Schema):
    """A taxonomy term or a region, named in the request language."""

    code: str
    name: str


class ClusterQuery(Schema):
    """The directory filter's parameters (registry.filters.ClusterFilter) plus paging."""

    q: str = Field("", description="Search words; every word must match name, legal name or description.")
    region: str = Field("", description="Region code (länskod or NUTS code); a NUTS 2 code matches its counties.")
    country: str = Field("", description="ISO 3166-1 alpha-2 country code, e.g. SE.")
    ecosystem: str = Field("", description="Industrial ecosystem code.")
    sector: str = Field("", description="Sectoral industry code.")
    label: str = Field("", description="Currently valid official label: bronze, silver or gold.")
    programme: str = Field("", description="Programme slug: clusters taking part in it.")
    demo: str = Field("", description="'' for all, 'exclude' to leave demo data out, 'only' for demo data.")
    sort: str = Field("name", description="name, -name, founded, -founded or updated.")
    page: int = Field(1, ge=1, description="1-based page number.")
    page_size: int = Field(20, ge=1, description="Rows per page (capped by the server).")


class ClusterListItem(Schema):
    slug: str
    name: str
    country: str
    regions: list[str] = Field(description="Region codes.")
    website: str
    is_demo: bool
    url: str = Field(description="The cluster's public profile page.")


class ClusterPage(Schema):
    count: int = Field(description="Total number of matching clusters.")
    page: int
    page_size: int
    results: list[ClusterListItem]


class S3AreaRef(Schema):
    code: str
    title: str
    region: str


class MemberCounts(Schema):
    total: int
    members: int = Field(description="Dedicated members.")
    participants: int = Field(description="Participating organisations.")
    by_type: dict[str, int]


class CheckOut(Schema):
    code: str
    label: str
    passed: bool
    detail: str


class LabelOut(Schema):
    level: str
    awarded_on: date
    valid_until: date
    source_url: str


class ClusterProgrammeOut(Schema):
    slug: str
    name: str
    status: str
    selected_on: date | None


class ClusterDetail(Schema):
    slug: str
    name: str
    legal_name: str
    organisation_number: str
    country: str
    website: str
    website_in_english: bool
    founded: date | None
    description: str
    strengths: str
    strategy: str
    management_fte: float | None
    eccp_profile_url: str
    is_published: bool
    is_demo: bool
    url: str
    regions: list[CodeName]
    ecosystems: list[CodeName]
    sectors: list[CodeName]
    technology_fields: list[CodeName]
    s3_priority_areas: list[S3AreaRef]
    member_counts: MemberCounts
    eccp_checklist: list[CheckOut]
    labels: list[LabelOut] = Field(description="Official labels valid today.")
    programmes: list[ClusterProgrammeOut]


class OrganisationOut(Schema):
    key: str
    name: str
    organisation_number: str
    vat_number: str
    country: str
    type: str
    size_class: str
    nace_code: str
    postcode: str
    municipality_code: str
    region: str | None
    website: str
    is_demo: bool


class OrganisationPage(Schema):
    count: int
    page: int
    page_size: int
    results: list[OrganisationOut]


class RegionOut(Schema):
    code: str
    level: str
    country: str
    name: str
    iso_code: str
    nuts2_code: str
    nuts3_code: str


class S3AreaOut(Schema):
    code: str
    title: str
    description: str
    strategy_name: str
    period_start: int | None
    period_end: int | None
    nace_codes: list[str]
    ecosystems: list[str]
    source_url: str


class RegionDetail(RegionOut):
    nuts2_name: str
    s3_areas: list[S3AreaOut]


class ProgrammeOut(Schema):
    slug: str
    name: str
    owner: str
    starts_on: date | None
    ends_on: date | None
    website: str
    is_demo: bool
    url: str


class ParticipantOut(Schema):
    slug: str
    name: str
    selected_on: date | None
    status: str
    url: str


class ProgrammeDetail(ProgrammeOut):
    description: str
    clusters: list[ParticipantOut]
