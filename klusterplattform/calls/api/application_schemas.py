"""Request and response schemas of the applications API (the endpoints are in applications.py)."""

import enum
from datetime import datetime
from typing import Annotated

from ninja import Field, Schema
from pydantic import ConfigDict, StringConstraints

from ..choices import ApplicationStatus
from ..workflow import TRANSITIONS

MAX_ID = 2**63 - 1
NO_NULL = "^[^\\x00]*$"
Text = Annotated[str, StringConstraints(pattern=NO_NULL, max_length=20000)]
Cell = int | float | Annotated[str, StringConstraints(pattern=NO_NULL, max_length=1000)] | None
AnswerValue = int | float | Text | list[Text] | list[dict[Text, Cell]] | None

# The transitions as a closed list, so the schema documents them and an unknown one is a 422.
Action = enum.Enum("Action", {code.upper(): code for code in TRANSITIONS}, type=str)


class ApplicationQuery(Schema):
    status: ApplicationStatus | None = Field(None, description="Only applications in this status.")
    region: str = Field("", max_length=10, pattern=NO_NULL, description="Only applications naming this region (code).")
    page: int = Field(1, ge=1, description="1-based page number.")
    page_size: int = Field(20, ge=1, description="Rows per page (capped by the server).")


class ApplicationListItem(Schema):
    id: int
    call: str = Field(description="The call's slug.")
    cluster: str | None = Field(description="The cluster's slug (null while the review phase hides applicants).")
    cluster_name: str | None
    status: str = Field(
        description="draft, submitted, eligibility_check, in_review, selected, reserve, rejected or withdrawn."
    )
    status_label: str
    regions: list[str] = Field(description="Codes of the regions the application names.")
    submitted_at: datetime | None
    updated_at: datetime


class ApplicationPage(Schema):
    count: int
    page: int
    page_size: int
    results: list[ApplicationListItem]


class FileOut(Schema):
    id: int
    field: str = Field(description="The form field's code.")
    name: str
    size: int


class EndorsementOut(Schema):
    region: str = Field(description="The region's code.")
    region_name: str
    status: str = Field(description="pending, confirmed or declined.")
    status_label: str
    priority_area: str | None = Field(description="The code of the region's S3 priority area (when confirmed).")
    reason: str = Field(description="Why the region declined.")
    decided_at: datetime | None


class SectionOut(Schema):
    code: str
    title: str
    answered: int
    required: int


class ApplicationCompletenessOut(Schema):
    complete: bool
    answered: int
    required: int
    missing: list[str] = Field(description="Codes of required fields not answered (or files not attached).")
    sections: list[SectionOut]


class EventOut(Schema):
    transition: str
    from_status: str
    to_status: str
    actor: str | None
    comment: str
    at: datetime


class ApplicationActionOut(Schema):
    code: str = Field(description="Use it as POST /applications/{id}/actions/{code}.")
    label: str


class ApplicationDetail(ApplicationListItem):
    form_version: int
    answers: dict[str, AnswerValue] = Field(description="Field code → answer (files are in `files`).")
    files: list[FileOut]
    endorsements: list[EndorsementOut]
    completeness: ApplicationCompletenessOut
    decided_at: datetime | None
    justification: str
    events: list[EventOut]
    actions: list[ApplicationActionOut] = Field(description="The transitions the caller may make now.")


class NewApplicationIn(Schema):
    model_config = ConfigDict(extra="forbid")

    cluster: str = Field(max_length=200, pattern=NO_NULL, description="The applying cluster's slug.")


class ApplicationPatchIn(Schema):
    """Answers by field code (text, a number, an option code, a list of option codes, or table rows as objects
    {column code: value}; null or "" clears one); fields not sent keep their answers. `regions`: the named regions'
    codes (Swedish counties), replacing the list. Files are attached on the application's edit page."""

    model_config = ConfigDict(extra="forbid")

    answers: dict[Annotated[str, StringConstraints(pattern=NO_NULL, max_length=60)], AnswerValue] = Field(
        default_factory=dict
    )
    regions: list[Annotated[str, StringConstraints(pattern=NO_NULL, max_length=10)]] | None = None


class ApplicationActionIn(Schema):
    model_config = ConfigDict(extra="forbid")

    comment: str = Field(
        "", max_length=5000, pattern=NO_NULL, description="Recorded with the transition; required for decisions."
    )
