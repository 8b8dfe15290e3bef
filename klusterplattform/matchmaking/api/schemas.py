"""Schemas of the partner-search API (posts.py): queries, answers and bodies."""

import datetime
import re
from typing import Annotated, Literal

from ninja import Field, Schema
from pydantic import BeforeValidator, ConfigDict, StringConstraints

MAX_ID = 2**63 - 1  # beyond any database's integer: no such object
NO_NULL = "^[^\\x00]*$"

PartnerTypeCode = Literal["cluster_organisation", "sme", "large_company", "research", "public_body"]
PurposeCode = Literal["funding_call", "project", "trade_mission", "value_chain"]
Code = Annotated[str, StringConstraints(pattern=NO_NULL, max_length=60)]
CountryCode = Annotated[str, StringConstraints(pattern=r"^[A-Z]{2}$")]


def _iso_day(value):
    """Only YYYY-MM-DD: pydantic would otherwise read a number as seconds since 1970 (the schema says a date)."""
    if not isinstance(value, datetime.date) and not (
        isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value)
    ):
        raise ValueError("Expected a date as YYYY-MM-DD.")
    return value


IsoDay = Annotated[datetime.date, BeforeValidator(_iso_day)]


class PartnerSearchQuery(Schema):
    q: str | None = Field(None, max_length=200, description="Search words (title, offer, seek, cluster); all match.")
    status: Literal["open", "expired", "closed", "all"] = Field(
        "open", description="open (default); expired, closed or all show only what the caller may see."
    )
    purpose: PurposeCode | None = Field(None, description="Only posts with this purpose.")
    partner_type: PartnerTypeCode | None = Field(None, description="Only posts seeking this kind of partner.")
    ecosystem: str | None = Field(None, max_length=60, description="An industrial ecosystem's code.")
    country: str | None = Field(
        None, pattern=r"^[A-Za-z]{2}$", description="Only posts that seek partners in this country (or anywhere)."
    )
    cluster: str | None = Field(None, max_length=200, description="Only posts of this cluster (its slug).")
    include_demo: bool = Field(False, description="Include demo data (left out by default).")
    page: int = Field(1, ge=1, description="1-based page number.")
    page_size: int = Field(20, ge=1, description="Rows per page (capped by the server).")


class PartnerSearchClusterOut(Schema):
    slug: str
    name: str
    country: str = Field(description="ISO 3166-1 alpha-2 code.")


class PartnerSearchOut(Schema):
    id: int
    cluster: PartnerSearchClusterOut
    title: str
    offer: str
    seek: str
    partner_types: list[str] = Field(description="Partner types sought; empty: any.")
    ecosystems: list[str] = Field(description="Industrial ecosystem codes.")
    sectors: list[str] = Field(description="Sectoral industry codes.")
    technology_fields: list[str] = Field(description="Technology field codes.")
    countries_sought: list[str] = Field(description="ISO codes; empty: any country.")
    regions_sought: list[str] = Field(description="Region codes; empty: any region.")
    purpose: str = Field(description="funding_call, project, trade_mission or value_chain.")
    funding_call: str | None = Field(description="The funding call's identifier (purpose funding_call).")
    expires_on: datetime.date = Field(description="The last day interest can be expressed (Europe/Stockholm).")
    status: str = Field(description="open, expired or closed (derived from the dates and the closing).")
    closed_at: datetime.datetime | None
    created_at: datetime.datetime
    updated_at: datetime.datetime
    is_demo: bool
    following: bool = Field(description="Whether the caller follows the post.")
    url: str = Field(description="The post's page.")


class PartnerSearchPage(Schema):
    count: int
    page: int
    page_size: int
    results: list[PartnerSearchOut]


def _leave_out_default(schema: dict) -> None:
    schema.pop("default", None)  # absent means "unchanged"


def _optional(description: str, **constraints):
    return Field(None, description=description, json_schema_extra=_leave_out_default, **constraints)


class PartnerSearchPatchIn(Schema):
    """The fields to change; every other field keeps its value."""

    model_config = ConfigDict(extra="forbid")

    title: str = _optional("At most 200 characters.", min_length=1, max_length=200, pattern=NO_NULL)
    offer: str = _optional("What the cluster offers.", min_length=1, max_length=5000, pattern=NO_NULL)
    seek: str = _optional("What the cluster seeks.", min_length=1, max_length=5000, pattern=NO_NULL)
    partner_types: list[PartnerTypeCode] = _optional("Partner types sought; empty: any.")
    ecosystems: list[Code] = _optional("Industrial ecosystem codes; replaces the list.", max_length=100)
    sectors: list[Code] = _optional("Sectoral industry codes; replaces the list.", max_length=100)
    technology_fields: list[Code] = _optional("Technology field codes; replaces the list.", max_length=100)
    countries_sought: list[CountryCode] = _optional("ISO codes; empty: any country.", max_length=60)
    regions_sought: list[Code] = _optional("Region codes; empty: any region.", max_length=100)
    purpose: PurposeCode = _optional("What the partnership is for.")
    funding_call: Annotated[str, StringConstraints(pattern=NO_NULL, max_length=200)] | None = _optional(
        "A funding call's identifier: required when the purpose is funding_call, not allowed otherwise."
    )
    expires_on: IsoDay = _optional("The last day open for interest: today up to a year ahead (YYYY-MM-DD).")


class PartnerSearchIn(PartnerSearchPatchIn):
    cluster: str = Field(max_length=200, pattern=NO_NULL, description="The slug of a cluster the caller manages.")
    title: str = Field(min_length=1, max_length=200, pattern=NO_NULL)
    offer: str = Field(min_length=1, max_length=5000, pattern=NO_NULL, description="What the cluster offers.")
    seek: str = Field(min_length=1, max_length=5000, pattern=NO_NULL, description="What the cluster seeks.")
    purpose: PurposeCode = Field(description="What the partnership is for.")
    expires_on: IsoDay = Field(description="The last day open for interest: today up to a year ahead.")


class PartnerSearchFollowOut(Schema):
    post: int
    following: bool


class PartnerInterestIn(Schema):
    model_config = ConfigDict(extra="forbid")

    cluster: str = Field(max_length=200, pattern=NO_NULL, description="The slug of a cluster the caller manages.")
    message: str = Field(
        min_length=1, max_length=3000, pattern=r"^[^\x00]*\S[^\x00]*$", description="To the post's cluster."
    )


class PartnerInterestDecisionIn(Schema):
    model_config = ConfigDict(extra="forbid")

    decision: Literal["accept", "decline"]


class PartnerInterestQuery(Schema):
    side: Literal["received", "sent", "all"] = Field(
        "all", description="received: interest in the caller's clusters' posts; sent: their clusters' own interest."
    )
    status: Literal["pending", "accepted", "declined", "withdrawn"] | None = Field(None, description="Only these.")
    page: int = Field(1, ge=1, description="1-based page number.")
    page_size: int = Field(20, ge=1, description="Rows per page (capped by the server).")


class PartnerInterestPersonOut(Schema):
    name: str
    email: str
    role: str = Field(description="Their role: the author of the post or the interest, or a cluster contact's role.")
    phone: str = ""


class PartnerInterestSideOut(Schema):
    cluster: str = Field(description="The cluster's slug.")
    cluster_name: str
    website: str
    people: list[PartnerInterestPersonOut]


class PartnerInterestContactOut(Schema):
    """Both sides' contact details: shown only to the two sides, and only once the interest is accepted."""

    post_side: PartnerInterestSideOut
    interested_side: PartnerInterestSideOut


class PartnerInterestOut(Schema):
    id: int
    post: int = Field(description="The partner search's id.")
    post_title: str
    post_cluster: PartnerSearchClusterOut
    cluster: PartnerSearchClusterOut = Field(description="The interested cluster.")
    message: str
    status: str = Field(description="pending, accepted, declined or withdrawn.")
    created_at: datetime.datetime
    decided_at: datetime.datetime | None
    contact: PartnerInterestContactOut | None = Field(
        description="Null unless the interest is accepted and the caller manages one of the two clusters."
    )


class PartnerInterestPage(Schema):
    count: int
    page: int
    page_size: int
    results: list[PartnerInterestOut]
