"""The excellence API: official labels (ESCA/EUCLES records), their validity and renewal chains.

Reading follows label.view (labels of published clusters are public); recording follows label.record (officers).
The certificate is not served by the API: it is for the cluster's own managers and staff, on the label page.
"""

import re
from datetime import date
from typing import Annotated

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from ninja import Field, Query, Router, Schema, Status
from pydantic import BeforeValidator, ConfigDict

from klusterplattform.accounts.api import FieldErrorsOut
from klusterplattform.accounts.api_auth import api_user, token_or_session
from klusterplattform.core.paging import page_envelope, page_request, total_count
from klusterplattform.registry.api.cluster_edit import editable_cluster, field_errors
from klusterplattform.registry.api.common import in_request_language
from klusterplattform.registry.api.schemas import ErrorOut
from klusterplattform.registry.models import ClusterOrganisation

from ..choices import AwardingBody
from ..labels import (
    by_ladder,
    current_rules,
    expiring,
    label_status,
    lapsed_days,
    record_label,
    renewal_of,
    valid_on_q,
)
from ..models import Label, LabelLevel
from ..permissions import label_visibility_filter

router = Router(tags=["excellence"])

MAY_NOT_RECORD = _("Only programme officers may record official labels.")
MAX_DAYS = 3660


def _iso_day(value):
    """Only YYYY-MM-DD: pydantic would otherwise read a number as seconds since 1970 (the schema says a date)."""
    if not isinstance(value, date) and not (isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value)):
        raise ValueError("Expected a date as YYYY-MM-DD.")
    return value


IsoDay = Annotated[date, BeforeValidator(_iso_day)]


class LabelQuery(Schema):
    level: LabelLevel | None = Field(None, description="bronze, silver or gold.")
    valid_on: IsoDay | None = Field(None, description="Only labels in force on this day (YYYY-MM-DD).")
    expiring_within: int | None = Field(
        None, ge=0, le=MAX_DAYS, description="Only labels in force today that end within this many days, not renewed."
    )
    page: int = Field(1, ge=1, description="1-based page number.")
    page_size: int = Field(20, ge=1, description="Rows per page (capped by the server).")


class LabelStatusOut(Schema):
    code: str = Field(description="upcoming, valid, expiring_90, expiring_30, grace, renewed or expired.")
    days: int = Field(description="Days left (valid, expiring), since expiry (grace) or until the start (upcoming).")
    text: str


class LabelRecordOut(Schema):
    id: int
    cluster: str = Field(description="The cluster's slug.")
    level: str
    awarding_body: str
    assessed_on: date
    valid_from: date
    valid_until: date
    renews: int | None = Field(description="The id of the label this one renews, if it is a renewal.")
    renewed_by: int | None = Field(description="The id of the label that renews this one, if any.")
    lapsed_days: int = Field(description="Days from the renewed label's expiry to this renewal's assessment.")
    status: LabelStatusOut
    report_id: str
    source_url: str
    is_demo: bool


class LabelPage(Schema):
    count: int = Field(description="Total number of matching labels.")
    page: int
    page_size: int
    results: list[LabelRecordOut]


class NewLabelIn(Schema):
    model_config = ConfigDict(extra="forbid")

    cluster: str = Field(description="The cluster's slug.")
    level: LabelLevel
    assessed_on: IsoDay = Field(description="The assessment date, as on the certificate (not in the future).")
    awarding_body: AwardingBody = Field(AwardingBody.EUCLES)
    report_id: str = Field("", max_length=40, description="The benchmarking report's identifier.")
    source_url: str = Field("", max_length=200, description="A public page announcing the label.")


def label_data(label: Label, today: date, rules: dict) -> dict:
    status = label_status(label, today, rules)
    renewal = renewal_of(label)
    return {
        "id": label.pk,
        "cluster": label.cluster.slug,
        "level": label.level,
        "awarding_body": label.awarding_body,
        "assessed_on": label.awarded_on,
        "valid_from": label.valid_from or label.awarded_on,
        "valid_until": label.valid_until,
        "renews": label.renews_id,
        "renewed_by": renewal.pk if renewal else None,
        "lapsed_days": lapsed_days(label),
        "status": {"code": status.code, "days": status.days, "text": status.text},
        "report_id": label.report_id,
        "source_url": label.source_url,
        "is_demo": label.is_demo,
    }


def visible_labels(user):
    return Label.objects.filter(label_visibility_filter(user)).select_related("cluster", "renews", "renewed_by")


@router.get("/labels", response={200: LabelPage, 401: ErrorOut}, summary="Official labels")
@in_request_language
def list_labels(request, filters: Query[LabelQuery]):
    """Labels of the clusters the caller may see (published ones for everyone), latest expiry first."""
    user = api_user(request)
    today = timezone.localdate()
    labels = visible_labels(user)
    if filters.level:
        labels = labels.filter(level=filters.level.value)
    if filters.valid_on:
        labels = labels.filter(valid_on_q(filters.valid_on))
    if filters.expiring_within is not None:
        labels = expiring(labels, today, filters.expiring_within)
    labels = labels.order_by("-valid_until", "cluster__name", "pk")
    paging = page_request(filters.page, filters.page_size)
    rows = list(labels[paging.offset : paging.offset + paging.size])
    rules = current_rules()
    return page_envelope(total_count(labels, paging, len(rows)), paging, [label_data(r, today, rules) for r in rows])


@router.post(
    "/labels",
    auth=token_or_session,
    response={201: LabelRecordOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: FieldErrorsOut},
    summary="Record an official label",
)
@in_request_language
def create_label(request, payload: NewLabelIn):
    """Record a label (programme officers). The validity and renewal link are computed from the rules and returned.
    404: no cluster with that slug is visible to the caller. 422: bad input, and nothing is saved. 403 also when a
    signed-in browser session sent no CSRF token. The certificate PDF is uploaded on the label page."""
    try:
        cluster = editable_cluster(request.auth, payload.cluster, "label.record")
        label, _result = record_label(
            request.auth,
            cluster,
            payload.level.value,
            payload.assessed_on,
            payload.awarding_body.value,
            report_id=payload.report_id,
            source_url=payload.source_url,
        )
    except PermissionDenied:
        return Status(403, {"detail": str(MAY_NOT_RECORD)})
    except ValidationError as error:
        return Status(422, field_errors(error))
    label = visible_labels(request.auth).get(pk=label.pk)
    return Status(201, label_data(label, timezone.localdate(), current_rules()))


@router.get(
    "/clusters/{slug}/labels",
    response={200: list[LabelRecordOut], 401: ErrorOut, 404: ErrorOut},
    summary="A cluster's labels and renewal chains",
)
@in_request_language
def cluster_labels(request, slug: str):
    """Every recorded label of the cluster, by level and assessment date, with its renewal links and status."""
    user = api_user(request)
    if "\x00" in slug:
        raise Http404
    cluster = ClusterOrganisation.objects.visible_to(user).filter(slug=slug).first()
    if cluster is None:
        raise Http404
    labels = by_ladder(visible_labels(user).filter(cluster=cluster))
    today, rules = timezone.localdate(), current_rules()
    return [label_data(label, today, rules) for label in labels]
