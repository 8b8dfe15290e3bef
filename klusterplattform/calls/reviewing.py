"""Review services: assigning reviewers, declarations of conflict of interest, saving and submitting reviews, and
what a reviewer may see (blind review, the other reviews). Pages and the API call only these.

- Officers assign users holding the reviewer role to applications in eligibility check or in review (bulk:
  every chosen reviewer to every chosen application; assigning twice changes nothing). An assignment is removed
  only while its review has not been submitted.
- Before a reviewer sees an application they declare: no conflict of interest (`no_conflict_declared_at`) or a
  conflict, with a reason (`conflict_declared_at`, `conflict_reason`). A conflict removes them from the
  application: such assignments reach nothing (calls/permissions.py counts only assignments without one), the
  declaration stays on record for the officer.
- The call's current review phase decides whether reviewers see each other's reviews (never / after submitting
  their own / always; no current phase: never) and whether applicants' names are hidden (blind review: the
  application is "Application <id>", other reviewers are always "Reviewer 1, 2, …").
"""

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from klusterplattform.core.permissions import check
from klusterplattform.core.roles import Role

from .choices import ApplicationStatus, ReviewVisibility
from .models import Application, Review, ReviewAssignment

ASSIGNABLE = (ApplicationStatus.ELIGIBILITY_CHECK, ApplicationStatus.IN_REVIEW)
REVIEWABLE = ASSIGNABLE  # reviews are written and changed only while the application is being assessed


class ReviewRefused(ValidationError):
    """The action is not possible in the current state (a 409 in the API)."""


# Assignment (officers)


def reviewers():
    """The users holding the reviewer role, by name."""
    return (
        get_user_model()
        .objects.filter(role_grants__role=Role.REVIEWER, is_active=True)
        .distinct()
        .order_by("full_name", "email")
    )


def assignable_applications(call):
    return (
        Application.objects.filter(call=call, status__in=ASSIGNABLE)
        .select_related("cluster")
        .order_by("cluster__sort_name", "pk")
    )


@transaction.atomic
def assign(call, application_ids, reviewer_ids, by) -> int:
    """Assign every reviewer to every application; returns how many assignments are new. ValidationError (nothing
    written) for an application that is not the call's or not open for assignment, or a user who is no reviewer."""
    application_ids, reviewer_ids = {int(i) for i in application_ids}, {int(i) for i in reviewer_ids}
    if not application_ids or not reviewer_ids:
        raise ValidationError(_("Choose at least one application and one reviewer."))
    applications = list(assignable_applications(call).filter(pk__in=application_ids))
    if len(applications) != len(application_ids):
        raise ValidationError(
            _("Reviewers can be assigned only to the call's applications in eligibility check or review.")
        )
    people = list(reviewers().filter(pk__in=reviewer_ids))
    if len(people) != len(reviewer_ids):
        raise ValidationError(_("Only users with the reviewer role can be assigned."))
    existing = set(
        ReviewAssignment.objects.filter(application__in=applications, reviewer__in=people).values_list(
            "application_id", "reviewer_id"
        )
    )
    created = 0
    for application in applications:
        for person in people:
            if (application.pk, person.pk) not in existing:
                ReviewAssignment.objects.create(application=application, reviewer=person, assigned_by=by)
                created += 1
    return created


@transaction.atomic
def unassign(assignment) -> None:
    """Remove an assignment (with its draft review); refused once the review has been submitted."""
    if has_submitted(assignment):
        raise ReviewRefused(_("The reviewer has submitted a review: the assignment cannot be removed."))
    assignment.delete()


def has_submitted(assignment) -> bool:
    review = getattr(assignment, "review", None) if _has_review(assignment) else None
    return bool(review and review.is_submitted)


def _has_review(assignment) -> bool:
    try:
        assignment.review  # noqa: B018 - the reverse one-to-one raises when there is none
    except Review.DoesNotExist:
        return False
    return True


def review_of(assignment) -> Review | None:
    return assignment.review if _has_review(assignment) else None


# Conflicts of interest (reviewers)


@transaction.atomic
def declare(assignment, conflict: bool, reason: str = "") -> None:
    """Record the reviewer's declaration. A conflict needs a reason and removes them from the application; it can
    be declared also after "no conflict", until the review is submitted. Declaring again otherwise is refused."""
    reason = (reason or "").strip()
    if assignment.conflict_declared_at is not None:
        raise ReviewRefused(_("You have declared a conflict of interest for this application."))
    if conflict:
        if not reason:
            raise ValidationError({"reason": _("Describe the conflict of interest.")})
        if has_submitted(assignment):
            raise ReviewRefused(_("Your review has been submitted."))
        assignment.conflict_declared_at = timezone.now()
        assignment.conflict_reason = reason
        assignment.save(update_fields=["conflict_declared_at", "conflict_reason"])
    else:
        if assignment.no_conflict_declared_at is not None:
            raise ReviewRefused(_("You have already declared that you have no conflict of interest."))
        assignment.no_conflict_declared_at = timezone.now()
        assignment.save(update_fields=["no_conflict_declared_at"])


# What a reviewer sees


def active_assignments(user):
    """The user's assignments without a declared conflict (nothing if they no longer hold the reviewer role)."""
    if not check(user, "application.review"):
        return ReviewAssignment.objects.none()
    return (
        ReviewAssignment.objects.filter(reviewer=user, conflict_declared_at__isnull=True)
        .select_related("application__call__current_phase", "application__cluster", "review")
        .order_by("application__call__closes_at", "application__call__slug", "application_id")
    )


def state(assignment) -> str:
    """declare | review | draft | submitted."""
    if assignment.no_conflict_declared_at is None:
        return "declare"
    review = review_of(assignment)
    if review is None:
        return "review"
    return "submitted" if review.is_submitted else "draft"


STATE_LABELS = {
    "declare": gettext_lazy("Conflict of interest to declare"),
    "review": gettext_lazy("To review"),
    "draft": gettext_lazy("Draft saved"),
    "submitted": gettext_lazy("Submitted"),
}


def is_blind(call) -> bool:
    phase = call.current_phase
    return bool(phase and phase.hide_applicants)


def application_label(application, blind: bool) -> str:
    if blind:
        return _("Application %(number)s") % {"number": application.pk}
    return application.cluster.name


def others_visible(assignment) -> bool:
    """May this reviewer see the other reviewers' submitted reviews now (per the call's current phase)?"""
    if assignment.conflict_declared_at is not None or assignment.no_conflict_declared_at is None:
        return False
    phase = assignment.application.call.current_phase
    if phase is None or phase.visibility == ReviewVisibility.NEVER:
        return False
    if phase.visibility == ReviewVisibility.ALWAYS:
        return True
    return has_submitted(assignment)


def reviewer_numbers(application) -> dict[int, int]:
    """{assignment pk: 1, 2, …}: the anonymous numbers of the application's active reviewers, by assignment."""
    ids = application.assignments.filter(conflict_declared_at__isnull=True).order_by("pk").values_list("pk", flat=True)
    return {pk: number for number, pk in enumerate(ids, start=1)}


def other_reviews(assignment) -> list[tuple[str, Review]]:
    """The other active reviewers' submitted reviews as ("Reviewer n", review), if this reviewer may see them."""
    if not others_visible(assignment):
        return []
    numbers = reviewer_numbers(assignment.application)
    reviews = (
        Review.objects.filter(
            assignment__application=assignment.application,
            assignment__conflict_declared_at__isnull=True,
            submitted_at__isnull=False,
        )
        .exclude(assignment=assignment)
        .order_by("assignment_id")
    )
    return [(_("Reviewer %(number)s") % {"number": numbers.get(r.assignment_id, "?")}, r) for r in reviews]


# Writing a review


def parse_score(raw) -> int | None | str:
    """A submitted score: "" → "" (not scored), "na" → None (n/a), digits → int; ValueError otherwise."""
    if raw is None or raw == "":
        return ""
    if raw == "na":
        return None
    return int(raw)


@transaction.atomic
def save_review(assignment, scores: dict, comments: dict, overall_comment: str, submit: bool) -> Review:
    """Save the reviewer's draft, or submit it. `scores` maps criterion codes to an int, None (n/a) or absent (not
    scored yet). Raises ReviewRefused when writing is not possible now, ValidationError {field: message} for bad
    input (fields score_<code>, comment_<code>, overall_comment); nothing is written then."""
    application = assignment.application
    if assignment.conflict_declared_at is not None:
        raise ReviewRefused(_("You have declared a conflict of interest for this application."))
    if assignment.no_conflict_declared_at is None:
        raise ReviewRefused(_("Declare first whether you have a conflict of interest."))
    if application.status not in REVIEWABLE:
        raise ReviewRefused(_("This application is no longer being reviewed."))
    review = review_of(assignment)
    if review is not None and review.is_submitted:
        raise ReviewRefused(_("Your review has been submitted and can no longer be changed."))
    criteria = list(application.call.criteria.all())
    known = {c.code for c in criteria}
    errors = {}
    for code in set(scores) - known:
        errors[f"score_{code}"] = _("There is no criterion %(code)s in this call.") % {"code": code}
    for code in set(comments) - known:
        errors[f"comment_{code}"] = _("There is no criterion %(code)s in this call.") % {"code": code}
    clean_scores, clean_comments = {}, {}
    for criterion in criteria:
        code = criterion.code
        comment = str(comments.get(code) or "").strip()
        if comment:
            clean_comments[code] = comment
        if code not in scores or scores[code] == "":
            if submit:
                errors[f"score_{code}"] = _("Give a score (or n/a where allowed).")
            continue
        value = scores[code]
        if value is None:
            if not criterion.allows_na:
                errors[f"score_{code}"] = _("This criterion cannot be marked n/a.")
                continue
        elif (
            isinstance(value, bool)
            or not isinstance(value, int)
            or not criterion.scale_min <= value <= criterion.scale_max
        ):
            errors[f"score_{code}"] = _("Give a score from %(lowest)s to %(highest)s.") % {
                "lowest": criterion.scale_min,
                "highest": criterion.scale_max,
            }
            continue
        clean_scores[code] = value
        if submit and criterion.comment_required and not comment:
            errors[f"comment_{code}"] = _("A comment is required for this criterion.")
    if errors:
        raise ValidationError(errors)
    if review is None:
        review = Review(assignment=assignment)
    review.scores = clean_scores
    review.comments = clean_comments
    review.overall_comment = (overall_comment or "").strip()
    if submit:
        review.submitted_at = timezone.now()
    review.save()
    assignment.review = review
    return review
