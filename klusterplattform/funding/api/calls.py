"""The register in the API: GET /funding-calls (the list page's filters as query parameters, paged, by closing date)
and GET /funding-calls/{identifier} (identifiers may contain '/', e.g. EuropeAid/186246/DD/ACT/NG).

Both read through funding.view: a call the caller may not see is a 404, as an unknown one is. The filters are the
page's own form (funding/filters.py), so the page, its export and the API select the same calls; an invalid value
(an unknown programme or ecosystem, a range upside down) is a 422 naming the parameter. Times are UTC, with each
deadline's `local_time` in its own `time_zone`.
"""

import datetime
import re
from typing import Annotated, Literal

from django.core.exceptions import ValidationError
from django.http import Http404
from django.urls import register_converter
from django.utils import timezone
from ninja import Field, Query, Router, Schema, Status
from pydantic import BeforeValidator

from klusterplattform.accounts.api import FieldErrorsOut
from klusterplattform.accounts.api_auth import api_user
from klusterplattform.core.paging import page_envelope, page_request, total_count
from klusterplattform.registry.api.cluster_edit import field_errors
from klusterplattform.registry.api.common import in_request_language
from klusterplattform.registry.api.schemas import ErrorOut
from klusterplattform.registry.models import Ecosystem

from ..countdown import countdown
from ..filters import FundingCallFilterForm, page_rows
from ..models import FundingCall, ThematicTag

# The list leaves out the long texts (the call's own page has them).
LIST_FIELDS = [
    f.name for f in FundingCall._meta.concrete_fields
    if f.name not in {"keywords", "description_html", "conditions_html", "search_text", "search_terms"}
]  # fmt: skip

router = Router()


class IdentifierConverter:
    """Any identifier, slashes and line breaks included: Django's <path:…> stops at a line break, and an address
    it does not match would be answered by the HTML 404 page instead of the API's JSON 404."""

    regex = r"[^\x00]+"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(IdentifierConverter, "fundingidentifier")


def _iso_date_only(value):
    """Pydantic would also read a number as a date (0 → 1970-01-01), which the schema says is not a date."""
    if isinstance(value, str) and not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value):
        raise ValueError("a date is written YYYY-MM-DD")
    return value


MAX_AMOUNT = 10**15 - 1  # the register's amounts have at most 15 digits
IsoDate = Annotated[datetime.date, BeforeValidator(_iso_date_only)]


class FundingCallQuery(Schema):
    q: str | None = Field(None, description="Search words, Swedish or English; every word must match.")
    status: Literal["open", "forthcoming", "closed", "all"] | None = Field(
        None, description="open, forthcoming, closed or all; without it, calls that are not closed."
    )
    programme: str | None = Field(None, description="A programme's name, exactly as the calls give it.")
    closes_from: IsoDate | None = Field(None, description="Only calls with a deadline on or after (YYYY-MM-DD).")
    closes_to: IsoDate | None = Field(None, description="Only calls with a deadline on or before (YYYY-MM-DD).")
    budget_from: int | None = Field(
        None, ge=0, le=MAX_AMOUNT, description="Budget per project at least (in `currency`)."
    )
    budget_to: int | None = Field(None, ge=0, le=MAX_AMOUNT, description="Budget per project at most (in `currency`).")
    currency: str | None = Field(
        None, pattern=r"^[A-Za-z]{3}$", description="Currency of the budget filter; EUR unless given."
    )
    ecosystem: str | None = Field(None, description="An industrial ecosystem's code.")
    tag: str | None = Field(None, description="A thematic tag's code (green, digital, resilience, ...).")
    cluster_eligible: bool = Field(False, description="Only calls open to cluster organisations.")
    include_demo: bool = Field(False, description="Include demo data (left out by default).")
    sort: Literal["closing", "-closing", "newest", "title"] | None = Field(
        None, description="closing (default), -closing, newest or title."
    )
    page: int = Field(1, ge=1, description="1-based page number.")
    page_size: int = Field(20, ge=1, description="Rows per page (capped by the server).")


class FundingDeadlineOut(Schema):
    at: datetime.datetime = Field(description="UTC.")
    time_zone: str = Field(description="The zone the funder states the deadline in.")
    local_time: datetime.datetime = Field(description="The deadline in its own time zone.")
    stage: int = Field(description="Stage or cut-off number.")
    label: str


class FundingCallOut(Schema):
    identifier: str
    title: str
    language: str = Field(description="The language of title and text: sv or en.")
    programme: str
    funder: str
    call_identifier: str
    strand: str
    action_type: str
    status: str = Field(description="forthcoming, open or closed, derived from the dates.")
    countdown: str = Field(description="The deadline in words, in the request language.")
    opening_date: datetime.date | None
    time_zone: str = Field(description="The zone of the opening date.")
    deadline_model: str = Field(description="single-stage, two-stage or multiple-cut-off.")
    deadlines: list[FundingDeadlineOut]
    next_deadline: FundingDeadlineOut | None
    opens_at: datetime.datetime | None
    closes_at: datetime.datetime | None = Field(description="The last deadline (UTC).")
    currency: str
    total_budget: int | None
    budget_min: int | None = Field(description="Budget per project, from.")
    budget_max: int | None = Field(description="Budget per project, up to.")
    expected_grants: int | None
    duration_min_months: int | None
    duration_max_months: int | None
    funding_rate_min: int | None
    funding_rate_max: int | None
    eligible_countries: list[str] = Field(description="ISO codes; empty: not restricted or not stated.")
    min_partners: int | None
    min_countries: int | None
    cluster_organisations_eligible: bool | None = Field(description="Null: not stated.")
    cluster_eligibility_inferred: bool
    requires_cluster_organisations: bool
    requires_smes: bool
    requires_less_developed_regions: bool
    requires_eccp_registration: bool
    ecosystems: list[str] = Field(description="Industrial ecosystem codes.")
    tags: list[str] = Field(description="Thematic tag codes.")
    is_cascade_funding: bool
    source: str = Field(description="eu-ft (imported) or manual.")
    source_url: str
    last_imported_at: datetime.datetime | None
    is_published: bool
    is_demo: bool
    url: str = Field(description="The call's page.")


class FundingCallDetailOut(FundingCallOut):
    keywords: str
    description_html: str = Field(description="Sanitised HTML.")
    conditions_html: str = Field(description="Sanitised HTML.")


class FundingCallPage(Schema):
    count: int
    page: int
    page_size: int
    results: list[FundingCallOut]


def _amount(value):
    return None if value is None else int(value)


def _deadline(deadline) -> dict:
    return {
        "at": deadline.at,
        "time_zone": deadline.time_zone,
        "local_time": deadline.local_time(),
        "stage": deadline.stage,
        "label": deadline.label,
    }


NUMBERS = ("expected_grants", "duration_min_months", "duration_max_months", "funding_rate_min", "funding_rate_max")
FLAGS = (
    "cluster_organisations_eligible",
    "cluster_eligibility_inferred",
    "requires_cluster_organisations",
    "requires_smes",
    "requires_less_developed_regions",
    "requires_eccp_registration",
    "is_cascade_funding",
    "is_published",
    "is_demo",
)
TEXTS = ("identifier", "title", "language", "programme", "funder", "call_identifier", "strand", "action_type")


def call_data(request, call: FundingCall, now, detail: bool = False) -> dict:
    upcoming = call.next_deadline(now)
    data = {
        **{name: getattr(call, name) for name in TEXTS + NUMBERS + FLAGS},
        "status": call.status_at(now),
        "countdown": countdown(call, now),
        "opening_date": call.opening_date,
        "time_zone": call.time_zone,
        "deadline_model": call.deadline_model,
        "deadlines": [_deadline(d) for d in call.deadlines.all()],
        "next_deadline": _deadline(upcoming) if upcoming else None,
        "opens_at": call.opens_at,
        "closes_at": call.closes_at,
        "currency": call.currency,
        "total_budget": _amount(call.total_budget),
        "budget_min": _amount(call.budget_min),
        "budget_max": _amount(call.budget_max),
        "eligible_countries": list(call.eligible_countries or []),
        "min_partners": call.min_partners,
        "min_countries": call.min_countries,
        "ecosystems": [e.code for e in call.ecosystems.all()],
        "tags": [t.code for t in call.tags.all()],
        "source": call.source,
        "source_url": call.source_url,
        "last_imported_at": call.last_imported_at,
        "url": request.build_absolute_uri(call.get_absolute_url()),
    }
    if detail:
        data |= {name: getattr(call, name) for name in ("keywords", "description_html", "conditions_html")}
    return data


def _form_data(filters: FundingCallQuery) -> dict:
    data = {}
    unknown = _unknown_codes(filters)
    for name in ("q", "status", "programme", "currency", "ecosystem", "tag", "sort"):
        value = getattr(filters, name)
        if unknown and name in ("programme", "ecosystem", "tag"):
            continue
        if value:
            data[name] = value.replace("\x00", "")
    for start, end in (("closes_from", "closes_to"), ("budget_from", "budget_to")):
        low, high = getattr(filters, start), getattr(filters, end)
        if _empty_range(low, high):  # the caller's queryset is already empty; don't report the order as an error
            continue
        for name, value in ((start, low), (end, high)):
            if value is not None:
                data[name] = str(value)
    for name in ("cluster_eligible", "include_demo"):
        if getattr(filters, name):
            data[name] = "on"
    return data


def _unknown_codes(filters: FundingCallQuery) -> bool:
    """An ecosystem, tag or programme no call has matches no call (as in the directory's API), instead of a 422."""
    if filters.ecosystem and not Ecosystem.objects.filter(code=filters.ecosystem).exists():
        return True
    if filters.tag and not ThematicTag.objects.filter(code=filters.tag).exists():
        return True
    return bool(filters.programme) and not FundingCall.objects.filter(programme=filters.programme).exists()


def _empty_range(start, end) -> bool:
    return start is not None and end is not None and end < start


@router.get(
    "/funding-calls",
    response={200: FundingCallPage, 401: ErrorOut, 422: FieldErrorsOut},
    summary="Funding calls",
)
@in_request_language
def list_funding_calls(request, filters: Query[FundingCallQuery]):
    """Funding calls the caller may see, filtered as on the register's page, by closing date (soonest first). A
    range whose end is before its start (closes_to < closes_from, budget_to < budget_from) matches no call."""
    now = timezone.now()
    calls = FundingCall.objects.visible_to(api_user(request))
    if (
        _empty_range(filters.closes_from, filters.closes_to)
        or _empty_range(filters.budget_from, filters.budget_to)
        or _unknown_codes(filters)
    ):
        calls = calls.none()
    form = FundingCallFilterForm(_form_data(filters), calls=calls)
    if not form.is_valid():
        return Status(422, field_errors(ValidationError(form.errors.as_data()), where=("query",)))
    calls = form.apply(calls, now)
    paging = page_request(filters.page, filters.page_size)
    rows = page_rows(calls, paging.offset, paging.size, only=LIST_FIELDS, prefetch=["deadlines", "ecosystems", "tags"])
    results = [call_data(request, call, now) for call in rows]
    return page_envelope(total_count(calls, paging, len(rows)), paging, results)


@router.get(
    "/funding-calls/{fundingidentifier:identifier}",
    response={200: FundingCallDetailOut, 401: ErrorOut, 404: ErrorOut},
    summary="A funding call",
)
@in_request_language
def get_funding_call(request, identifier: str):
    if "\x00" in identifier:
        raise Http404
    calls = FundingCall.objects.visible_to(api_user(request)).prefetch_related("deadlines", "ecosystems", "tags")
    call = calls.filter(identifier=identifier).first()
    if call is None:
        raise Http404
    return call_data(request, call, timezone.now(), detail=True)
