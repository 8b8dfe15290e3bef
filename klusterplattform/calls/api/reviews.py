"""The reviews API: an application's reviews, and the caller's own review (written with PUT).

GET /applications/{id}/reviews
- officers and administrators (application.manage): every review of the application, drafts included, with the
  reviewers' names;
- an assigned reviewer without a declared conflict: their own review, plus the other reviewers' submitted reviews
  when the call's current phase shows them (never / after submitting their own / always), named "Reviewer n";
- anyone else who may see the application (its cluster's managers, its regions' officers): 403; who may not see
  it (a reviewer who declared a conflict, other reviewers, other managers): 404; anonymous: 401.

PUT /applications/{id}/reviews: the caller's own review, as a whole (scores, comments, overall comment) — saved
as a draft, or submitted with `"submit": true` (then every criterion must be scored or n/a and the required
comments written). 409 when no "no conflict of interest" declaration has been made (declare on the review page),
the review is already submitted or the application is no longer being reviewed; 422 lists each invalid field.
"""

from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema, Status

from klusterplattform.accounts.api import FieldErrorsOut
from klusterplattform.accounts.api_auth import token_or_session
from klusterplattform.core.permissions import check
from klusterplattform.registry.api.cluster_edit import field_errors
from klusterplattform.registry.api.common import in_request_language
from klusterplattform.registry.api.schemas import ErrorOut

from .. import ranking, reviewing
from ..models import Application, Review, ReviewAssignment
from ..permissions import may_view

router = Router(tags=["calls"])


class ReviewOut(Schema):
    reviewer: str = Field(description="The reviewer's name for officers; 'Reviewer n' for reviewers.")
    own: bool = Field(description="True for the caller's own review.")
    submitted: bool
    submitted_at: str | None
    scores: dict[str, int | None] = Field(description="Criterion code → score; null means n/a.")
    comments: dict[str, str]
    overall_comment: str
    total: float | None = Field(description="Weighted sum of the scores (n/a left out).")
    percentage: float | None = Field(description="Weighted, each score counted from the scale's lowest (0) to highest.")


class ReviewIn(Schema):
    scores: dict[str, int | None] = Field(
        default_factory=dict, description="Criterion code → score on its scale, or null for n/a; leave out unscored."
    )
    comments: dict[str, str] = Field(default_factory=dict)
    overall_comment: str = Field("", max_length=10000)
    submit: bool = Field(False, description="Submit the review (it can no longer be changed); false saves a draft.")


def _visible_application(user, pk: int) -> Application:
    application = Application.objects.select_related("call__current_phase", "cluster").filter(pk=pk).first()
    if application is None or not may_view(user, application):
        raise Http404
    return application


def _own_assignment(user, application) -> ReviewAssignment | None:
    if not check(user, "application.review", application):
        return None
    return (
        ReviewAssignment.objects.select_related("application__call__current_phase")
        .filter(application=application, reviewer=user, conflict_declared_at__isnull=True)
        .first()
    )


def _review_data(review: Review, name: str, own: bool, criteria) -> dict:
    score = ranking.review_score(criteria, review)
    return {
        "reviewer": name,
        "own": own,
        "submitted": review.is_submitted,
        "submitted_at": review.submitted_at.isoformat() if review.submitted_at else None,
        "scores": review.scores,
        "comments": review.comments,
        "overall_comment": review.overall_comment,
        "total": score.total,
        "percentage": score.percentage,
    }


@router.get(
    "/applications/{application_id}/reviews",
    auth=token_or_session,
    response={200: list[ReviewOut], 401: ErrorOut, 403: ErrorOut, 404: ErrorOut},
    summary="Reviews of an application",
)
@in_request_language
def list_reviews(request, application_id: int):
    """Officers: every review; an assigned reviewer: their own and, per the review phase, the others' submitted ones
    (anonymised as "Reviewer n"). 404 when the caller may not see the application; 403 when they see it but are
    neither an officer nor one of its reviewers."""
    user = request.auth
    application = _visible_application(user, application_id)
    criteria = list(application.call.criteria.all())
    if check(user, "application.manage", application):
        reviews = Review.objects.filter(assignment__application=application).select_related("assignment__reviewer")
        return [
            _review_data(r, r.assignment.reviewer.full_name or r.assignment.reviewer.email, False, criteria)
            for r in reviews.order_by("assignment_id")
        ]
    assignment = _own_assignment(user, application)
    if assignment is None:
        return Status(403, {"detail": _("Only the application's reviewers and officers see its reviews.")})
    result = []
    own = reviewing.review_of(assignment)
    if own is not None:
        result.append(_review_data(own, _("You"), True, criteria))
    for name, other in reviewing.other_reviews(assignment):
        result.append(_review_data(other, name, False, criteria))
    return result


@router.put(
    "/applications/{application_id}/reviews",
    auth=token_or_session,
    response={200: ReviewOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut, 422: FieldErrorsOut},
    summary="Save or submit my review of an application",
)
@in_request_language
def put_review(request, application_id: int, payload: ReviewIn):
    """The caller's own review as a whole (a draft, or submitted with `submit: true`). 403 for a caller who sees the
    application but is not one of its reviewers; 409 before the "no conflict" declaration, after submitting, or
    when the application is no longer in review; 422 for a score off the scale, n/a where not allowed, an unknown
    criterion, or (on submit) a missing score or required comment."""
    user = request.auth
    application = _visible_application(user, application_id)
    assignment = _own_assignment(user, application)
    if assignment is None:
        return Status(403, {"detail": _("Only the application's reviewers write reviews of it.")})
    try:
        review = reviewing.save_review(
            assignment, payload.scores, payload.comments, payload.overall_comment, submit=payload.submit
        )
    except reviewing.ReviewRefused as error:
        return Status(409, {"detail": " ".join(error.messages)})
    except ValidationError as error:
        return Status(422, field_errors(error))
    return _review_data(review, _("You"), True, list(application.call.criteria.all()))
