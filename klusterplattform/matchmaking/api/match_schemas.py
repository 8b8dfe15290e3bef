"""Schemas of the match API (matches.py): the query, one page of matches with their reasons, and a vote on a match."""

import datetime
from typing import Annotated, Literal

from ninja import Field, Schema
from pydantic import ConfigDict, StringConstraints

from ..match_subjects import MAX_ID, MAX_TEXT, MIN_TEXT
from ..matching.service import MAX_PAGE
from .schemas import NO_NULL

CountryCode = Annotated[str, StringConstraints(pattern=r"^[A-Z]{2}$")]
Slug = Annotated[str, StringConstraints(pattern=r"^[-a-zA-Z0-9_]+$", max_length=120)]
NeedText = Annotated[str, StringConstraints(pattern=NO_NULL, min_length=MIN_TEXT, max_length=MAX_TEXT)]
Kind = Literal["cluster", "organisation"]

CLUSTER = "A cluster organisation's slug: clusters that match it (give exactly one of cluster, post and q)."
POST = "A partner search's id: the partners it seeks (give exactly one of cluster, post and q)."
Q = "A described need, 2 to 500 characters (give exactly one of cluster, post and q)."
DEMO = "With q: search the demo data instead of the real data. A cluster or post is matched within its own data."
COUNTRY = "With q: ISO 3166-1 alpha-2 codes of the countries sought (a reason and a part of the score)."


class MatchQuery(Schema):
    cluster: Slug | None = Field(None, description=CLUSTER)
    post: int | None = Field(None, ge=1, le=MAX_ID, description=POST)
    q: NeedText | None = Field(None, description=Q)
    kind: Kind = Field("cluster", description="cluster: cluster organisations; organisation: member organisations.")
    page: int = Field(1, ge=1, le=MAX_PAGE, description=f"1-based page of 20 matches; at most {MAX_PAGE}.")
    demo: bool = Field(False, description=DEMO)
    country: list[CountryCode] = Field(default_factory=list, max_length=60, description=COUNTRY)


class MatchClusterOut(Schema):
    slug: str
    name: str


class MatchSubjectOut(Schema):
    type: Literal["cluster", "post", "text"] = Field(description="What the matches are for.")
    cluster: MatchClusterOut | None = Field(description="The cluster asked about, or the partner search's cluster.")
    post: int | None = Field(description="The partner search's id.")
    post_title: str | None
    text: str | None = Field(description="The described need.")
    countries: list[str] = Field(description="Countries sought with a described need.")
    is_demo: bool = Field(description="Whether the matches come from the demo data (never mixed with real ones).")


class MatchReasonOut(Schema):
    code: str = Field(description="What kind of reason, e.g. shared_e, sought_e, text_strength, label, member_of.")
    component: str = Field(description="The part of the score it explains.")
    text: str = Field(description="The reason in the request language.")
    points: float = Field(description="The points this part adds to the score.")


class MatchOut(Schema):
    kind: Kind
    id: int
    name: str
    slug: str | None = Field(description="A cluster's slug (null for a member organisation).")
    url: str | None = Field(description="A cluster's page (null for a member organisation).")
    country: str
    organisation_type: str | None = Field(description="A member organisation's type (null for a cluster).")
    score: float = Field(ge=0, le=100, description="0 to 100 points.")
    components: dict[str, float] = Field(description="Each part of the score that applies, from 0 to 1.")
    reasons: list[MatchReasonOut]
    via_cluster: MatchClusterOut | None = Field(description="A member organisation's best-matching cluster.")
    vote: Literal[1, -1] | None = Field(description="The caller's vote on this match, if any.")


class MatchPageOut(Schema):
    subject: MatchSubjectOut
    kind: Kind
    total: int = Field(description="Matches in all.")
    page: int
    pages: int = Field(description=f"Pages of 20 (at most {MAX_PAGE}).")
    items: list[MatchOut]


class MatchFeedbackIn(Schema):
    model_config = ConfigDict(extra="forbid")

    cluster: Slug | None = Field(None, description=CLUSTER)
    post: int | None = Field(None, ge=1, le=MAX_ID, description=POST)
    q: NeedText | None = Field(None, description=Q)
    demo: bool = Field(False, description=DEMO)
    country: list[CountryCode] = Field(default_factory=list, max_length=60, description=COUNTRY)
    kind: Kind = Field(description="The kind of the match voted on.")
    candidate: int = Field(ge=1, le=MAX_ID, description="The id of the cluster or member organisation voted on.")
    vote: Literal[1, -1] = Field(description="1: a good match; -1: a poor match.")


class MatchFeedbackReasonOut(Schema):
    code: str
    text: str
    points: float


class MatchFeedbackOut(Schema):
    id: int
    subject: Literal["cluster", "post", "text"]
    kind: Kind
    candidate: int
    vote: Literal[1, -1]
    score: float = Field(description="The match's score when the vote was given.")
    reasons: list[MatchFeedbackReasonOut] = Field(description="The reasons shown when the vote was given.")
    created_at: datetime.datetime
    updated_at: datetime.datetime
