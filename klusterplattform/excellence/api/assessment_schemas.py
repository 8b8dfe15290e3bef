"""Request and response schemas of /api/v1/assessments (the endpoints are in assessments.py)."""

import enum
from datetime import date, datetime
from typing import Annotated

from ninja import Field, Schema
from pydantic import ConfigDict, StringConstraints

from ..choices import AssessmentStatus
from ..workflow import TRANSITIONS

MAX_ID = 2**63 - 1  # beyond any database's integer: no such object
NO_NULL = "^[^\\x00]*$"  # PostgreSQL refuses a null character in text, in a comparison as in a stored value
COMMENT_LIMIT = 5000

# The transitions as a closed list, so the schema documents them and an unknown one is a 422.
Action = enum.Enum("Action", {code.upper(): code for code in TRANSITIONS}, type=str)


class AssessmentQuery(Schema):
    round: str = Field("", description="An assessment round's slug.")
    cluster: str = Field("", description="A cluster's slug.")
    status: AssessmentStatus | None = Field(
        None, description="draft, submitted, under_validation, validated or returned."
    )
    page: int = Field(1, ge=1, description="1-based page number.")
    page_size: int = Field(20, ge=1, description="Rows per page (capped by the server).")


class PersonOut(Schema):
    id: int
    name: str


class AssessmentListItem(Schema):
    id: int
    round: str = Field(description="The round's slug.")
    round_name: str
    programme: str = Field(description="The programme's slug.")
    cluster: str = Field(description="The cluster's slug.")
    cluster_name: str
    status: str = Field(description="draft, submitted, under_validation, validated or returned.")
    status_label: str
    assessor: PersonOut | None
    assessed_on: date | None = Field(description="The day the assessment describes; set on submission.")
    version: int = Field(description="How many times it was validated (0 before the first validation).")
    is_demo: bool
    updated_at: datetime


class AssessmentPage(Schema):
    count: int = Field(description="Total number of matching assessments.")
    page: int
    page_size: int
    results: list[AssessmentListItem]


class AreaCompletenessOut(Schema):
    area: str
    label: str
    answered: int
    required: int
    total: int
    percent: int


class CompletenessOut(Schema):
    percent: int
    missing: int = Field(description="Required indicators not answered yet.")
    is_complete: bool
    areas: list[AreaCompletenessOut]


class AnswerOut(Schema):
    area: str
    answer_type: str = Field(description="number, share, choice, multiple, yes_no, text or evidence.")
    question: str
    answered: bool
    number: float | None = Field(description="The answer to a number or share indicator.")
    yes_no: bool | None
    choices: list[str] = Field(description="Option codes chosen (choice, multiple).")
    text: str
    value: float | None = Field(description="The number the benchmark uses (a choice by its score); null if none.")
    prefilled: bool = Field(description="Pre-filled from the registry and not changed by the cluster since.")
    evidence: list[str] = Field(description="Names of the files attached to this indicator.")


class CommentOut(Schema):
    id: int
    indicator: str = Field(description="The indicator's code.")
    author: PersonOut
    text: str
    created_at: datetime


class ActionOut(Schema):
    code: str = Field(description="Use it as POST /assessments/{id}/actions/{code}.")
    label: str


class AssessmentDetail(AssessmentListItem):
    catalogue: str = Field(description="The indicator catalogue's code.")
    submitted_at: datetime | None
    validated_at: datetime | None
    return_comment: str = Field(description="Why the assessor returned it (while returned).")
    is_editable: bool
    completeness: CompletenessOut
    answers: dict[str, AnswerOut] = Field(description="Every indicator of the catalogue, by code, in order.")
    comments: list[CommentOut] = Field(description="The assessors' comments per indicator.")
    actions: list[ActionOut] = Field(description="The transitions the caller may make now.")


class CommentPage(Schema):
    results: list[CommentOut]


class NewAssessmentIn(Schema):
    model_config = ConfigDict(extra="forbid")

    round: str = Field(max_length=80, pattern=NO_NULL, description="The round's slug.")
    cluster: str = Field(max_length=200, pattern=NO_NULL, description="The cluster's slug.")


# No null characters anywhere (PostgreSQL refuses them in text), said in the schema so clients can know.
Text = Annotated[str, StringConstraints(pattern=NO_NULL)]
AnswerValue = bool | int | float | Text | list[Text] | None


class AnswersIn(Schema):
    """{indicator code: value}: a number (or numeric text) for number and share, true/false for yes-no, an option
    code for a choice, a list of option codes for a multiple choice, text for text; null or "" clears the answer."""

    model_config = ConfigDict(extra="forbid")

    answers: dict[Text, AnswerValue]


class ActionIn(Schema):
    model_config = ConfigDict(extra="forbid")

    assessor: int | None = Field(None, ge=1, le=MAX_ID, description="assign: the user id of the assessor.")
    comment: str = Field("", max_length=COMMENT_LIMIT, pattern=NO_NULL, description="return: what should change.")


class NewCommentIn(Schema):
    model_config = ConfigDict(extra="forbid")

    indicator: str = Field(max_length=20, pattern=NO_NULL, description="The indicator's code.")
    text: str = Field(min_length=1, max_length=COMMENT_LIMIT, pattern=NO_NULL)
