"""The fit API: how well open and forthcoming funding calls fit a cluster, with the reasons, best first.

Same rules as the "calls for you" page: funding.fit on the cluster (its managers, its region's officers, officers);
a cluster the caller cannot see is a 404, one they see but may not score is a 403, no credentials a 401.
"""

from datetime import datetime

from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema, Status

from klusterplattform.accounts.api import FieldErrorsOut
from klusterplattform.accounts.api_auth import token_or_session
from klusterplattform.core.paging import page_envelope, page_request
from klusterplattform.registry.api.common import in_request_language
from klusterplattform.registry.api.schemas import ErrorOut
from klusterplattform.registry.models import ClusterOrganisation

from ..choices import CallStatus
from ..fit import score_calls
from ..models import FundingInterest
from ..permissions import can

router = Router()


class FundingFitQuery(Schema):
    min_fit: float | None = Field(None, ge=0, le=100, description="Only calls with at least this fit (percent).")
    eligible: bool | None = Field(None, description="true: only calls the cluster is eligible for.")
    status: CallStatus | None = Field(None, description="open or forthcoming (closed calls are never scored).")
    page: int = Field(1, ge=1, description="1-based page number.")
    page_size: int = Field(20, ge=1, description="Rows per page (capped by the server).")


class FundingFitReasonOut(Schema):
    kind: str = Field(description="A stable code, e.g. ecosystem_match, partners, closes_in, cluster_organisations_no.")
    text: str = Field(description="The reason in words, in the request language.")
    positive: bool | None = Field(description="true counts for the call, false against it, null is information.")


class FundingFitOut(Schema):
    identifier: str
    title: str
    language: str = Field(description="The language of the call's title (sv or en).")
    programme: str
    status: str = Field(description="open or forthcoming")
    closes_at: datetime | None = Field(description="The last deadline (UTC).")
    percentage: float | None = Field(description="0–100; null when no criterion applies to the call.")
    eligible: bool = Field(description="false when the call is closed, excludes cluster organisations or the country.")
    reasons: list[FundingFitReasonOut]
    bookmarked: bool
    intends_to_apply: bool
    url: str = Field(description="The call's page.")


class FundingFitPage(Schema):
    cluster: str = Field(description="The cluster's slug.")
    count: int = Field(description="Number of calls matching the filters.")
    page: int
    page_size: int
    results: list[FundingFitOut]


@router.get(
    "/clusters/{slug}/funding-fit",
    auth=token_or_session,
    response={200: FundingFitPage, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: FieldErrorsOut},
    summary="Funding calls that fit a cluster",
)
@in_request_language
def cluster_funding_fit(request, slug: str, query: Query[FundingFitQuery]):
    """Open and forthcoming funding calls scored for the cluster, best first (eligible ones first, then by fit, then
    by closing date), each with its reasons. Demo calls are scored only for demo clusters."""
    user = request.auth
    if "\x00" in slug:
        raise Http404
    cluster = ClusterOrganisation.objects.visible_to(user).prefetch_related("regions").filter(slug=slug).first()
    if cluster is None:
        raise Http404
    if not can(user, "funding.fit", cluster):
        return Status(403, {"detail": _("You may not see which funding calls fit this cluster.")})
    fits = score_calls(cluster, now=timezone.now())
    if query.min_fit is not None:
        fits = [f for f in fits if f.percentage is not None and f.percentage >= query.min_fit]
    if query.eligible is not None:
        fits = [f for f in fits if f.eligible == query.eligible]
    if query.status is not None:
        fits = [f for f in fits if f.status == query.status.value]
    paging = page_request(query.page, query.page_size)
    shown = fits[paging.offset : paging.offset + paging.size]
    interests = {
        i["call_id"]: i
        for i in FundingInterest.objects.filter(cluster=cluster, call_id__in=[f.call_id for f in shown]).values(
            "call_id", "bookmarked", "intends_to_apply"
        )
    }
    results = [_fit_data(request, f, interests.get(f.call_id, {})) for f in shown]
    return {"cluster": cluster.slug, **page_envelope(len(fits), paging, results)}


def _fit_data(request, fit, interest: dict) -> dict:
    call = fit.call
    return {
        "identifier": call.identifier,
        "title": call.title,
        "language": call.language,
        "programme": call.programme,
        "status": fit.status,
        "closes_at": fit.closes_at,
        "percentage": fit.percentage,
        "eligible": fit.eligible,
        "reasons": [{"kind": r.kind, "text": r.text, "positive": r.positive} for r in fit.reasons],
        "bookmarked": bool(interest.get("bookmarked")),
        "intends_to_apply": bool(interest.get("intends_to_apply")),
        "url": request.build_absolute_uri(call.get_absolute_url()),
    }
