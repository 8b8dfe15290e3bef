"""The calls API: the list of calls and one call with its application form, review criteria, phases and dates.

A call the caller may not see (unpublished: officers only) is a 404, as an unknown one is. Times are answered in
UTC, with `time_zone` (the zone the call is announced in) and the same times local to it. The form in the answer
is the version in force (frozen once the call has opened; see calls/forms_engine.py for its format).
"""

import datetime
from enum import StrEnum

from django.db.models import Count, Q
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from ninja import Field, Query, Router, Schema

from klusterplattform.accounts.api_auth import api_user
from klusterplattform.core.paging import page_envelope, page_request, total_count
from klusterplattform.registry.api.common import in_request_language
from klusterplattform.registry.api.schemas import ErrorOut

from .. import forms_engine
from ..choices import ApplicationStatus
from ..forms_calls import status_filter
from ..models import Call

router = Router(tags=["calls"])


class CallStatus(StrEnum):
    forthcoming = "forthcoming"
    open = "open"
    closed = "closed"


class CallQuery(Schema):
    status: CallStatus | None = Field(None, description="forthcoming, open or closed (now).")
    programme: str | None = Field(None, description="A programme's slug.")
    page: int = Field(1, ge=1, description="1-based page number.")
    page_size: int = Field(20, ge=1, description="Rows per page (capped by the server).")


class CallOut(Schema):
    slug: str
    programme: str = Field(description="The programme's slug.")
    title: str = Field(description="The title in the request language.")
    title_sv: str
    title_en: str
    status: str = Field(description="forthcoming, open or closed, from the dates.")
    opens_at: datetime.datetime = Field(description="UTC.")
    closes_at: datetime.datetime = Field(description="UTC.")
    time_zone: str = Field(description="The zone the call is announced in, e.g. Europe/Stockholm.")
    local_opens: datetime.datetime = Field(description="The opening in the call's time zone.")
    local_closes: datetime.datetime = Field(description="The closing in the call's time zone.")
    target_selections: int | None = Field(description="How many clusters the call means to select.")
    selected: int = Field(description="Applications selected so far.")
    is_published: bool
    url: str


class CriterionOut(Schema):
    code: str
    label: str
    label_sv: str
    label_en: str
    help_sv: str
    help_en: str
    weight: float
    scale_min: int
    scale_max: int
    allows_na: bool
    comment_required: bool
    position: int


class PhaseOut(Schema):
    id: int
    name_sv: str
    name_en: str
    position: int
    visibility: str = Field(description="never, after_own or always: whether reviewers see each other's reviews.")
    hide_applicants: bool
    is_current: bool


class FormOut(Schema):
    version: int
    frozen_at: datetime.datetime | None = Field(description="UTC; set when the call opened.")
    definition: dict = Field(description="Sections and fields; see the documentation of application forms.")


class DocumentOut(Schema):
    id: int
    title: str
    url: str


class CallDetailOut(CallOut):
    text_sv: str
    text_en: str
    eligibility_sv: str
    eligibility_en: str
    requires_legal_person: bool
    requires_s3_priority: bool
    requires_endorsement: bool
    outcome_sv: str
    outcome_en: str
    form: FormOut
    criteria: list[CriterionOut]
    phases: list[PhaseOut]
    documents: list[DocumentOut]


class CallPage(Schema):
    count: int
    page: int
    page_size: int
    results: list[CallOut]


def _listed(user):
    return (
        Call.objects.visible_to(user)
        .select_related("programme")
        .annotate(selected=Count("applications", filter=Q(applications__status=ApplicationStatus.SELECTED)))
    )


def call_data(request, call: Call, now) -> dict:
    return {
        "slug": call.slug,
        "programme": call.programme.slug,
        "title": call.title,
        "title_sv": call.title_sv,
        "title_en": call.title_en,
        "status": call.status(now),
        "opens_at": call.opens_at,
        "closes_at": call.closes_at,
        "time_zone": call.time_zone,
        "local_opens": timezone.localtime(call.opens_at, call.zone),
        "local_closes": timezone.localtime(call.closes_at, call.zone),
        "target_selections": call.target_selections,
        "selected": call.selected,
        "is_published": call.is_published,
        "url": request.build_absolute_uri(call.get_absolute_url()),
    }


@router.get("/calls", response={200: CallPage, 401: ErrorOut}, summary="Calls for applications")
@in_request_language
def list_calls(request, filters: Query[CallQuery]):
    """Calls the caller may see (published calls of published programmes for everyone; officers see all), the
    latest opening first."""
    now = timezone.now()
    calls = _listed(api_user(request))
    if filters.programme:
        calls = calls.filter(programme__slug=filters.programme.replace("\x00", ""))
    if filters.status:
        calls = calls.filter(status_filter(filters.status.value, now))
    calls = calls.order_by("-opens_at", "slug")
    paging = page_request(filters.page, filters.page_size)
    rows = list(calls[paging.offset : paging.offset + paging.size])
    return page_envelope(total_count(calls, paging, len(rows)), paging, [call_data(request, c, now) for c in rows])


@router.get("/calls/{slug}", response={200: CallDetailOut, 401: ErrorOut, 404: ErrorOut}, summary="A call")
@in_request_language
def get_call(request, slug: str):
    """A call with its texts, eligibility rules, dates, application form (the version in force), review criteria,
    review phases and documents."""
    now = timezone.now()
    call = _listed(api_user(request)).filter(slug=slug.replace("\x00", "")).first()
    if call is None:
        raise Http404
    version = forms_engine.current_form(call, now)
    data = call_data(request, call, now)
    data.update(
        {
            name: getattr(call, name)
            for name in (
                "text_sv",
                "text_en",
                "eligibility_sv",
                "eligibility_en",
                "requires_legal_person",
                "requires_s3_priority",
                "requires_endorsement",
                "outcome_sv",
                "outcome_en",
            )
        }
    )
    data["form"] = {"version": version.number, "frozen_at": version.frozen_at, "definition": version.definition}
    data["criteria"] = [
        {
            "code": c.code,
            "label": c.label,
            **{name: getattr(c, name) for name in ("label_sv", "label_en", "help_sv", "help_en")},
            "weight": float(c.weight),
            "scale_min": c.scale_min,
            "scale_max": c.scale_max,
            "allows_na": c.allows_na,
            "comment_required": c.comment_required,
            "position": c.position,
        }
        for c in call.criteria.all()
    ]
    data["phases"] = [
        {
            "id": p.pk,
            "name_sv": p.name_sv,
            "name_en": p.name_en,
            "position": p.position,
            "visibility": p.visibility,
            "hide_applicants": p.hide_applicants,
            "is_current": p.pk == call.current_phase_id,
        }
        for p in call.phases.all()
    ]
    data["documents"] = [
        {
            "id": d.pk,
            "title": d.title,
            "url": request.build_absolute_uri(reverse("calls:call_document", args=[call.slug, d.pk])),
        }
        for d in call.documents.all()
    ]
    return data
