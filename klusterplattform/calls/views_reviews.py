"""Pages of the review: reviewer assignment (officers), the reviewer's list and review form with the
conflict-of-interest declaration, and the ranking table with its exports (officers).

Who may do what: officers and administrators (application.manage) assign and rank; a reviewer reaches only their
own assignments without a declared conflict (anything else is 404). The rules are in calls/reviewing.py, the maths
in calls/ranking.py.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from klusterplattform.core.exports import FORMATS, export_response
from klusterplattform.core.permissions import check

from . import forms_engine, reviewing
from . import ranking as ranks
from .forms_reviews import AssignForm, DeclarationForm, ReviewForm
from .models import Call, ReviewAssignment


def managed_call(request, slug) -> Call:
    """The call if the user may manage its applications: 404 when they may not see it, 403 when they see it."""
    call = get_object_or_404(Call.objects.select_related("programme", "current_phase"), slug=slug)
    if not check(request.user, "application.manage"):
        if check(request.user, "call.view", call):
            raise PermissionDenied
        raise Http404
    return call


# Assignment


@login_required
def assign_reviewers(request, slug):
    call = managed_call(request, slug)
    form = AssignForm(call, request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            created = reviewing.assign(
                call,
                [a.pk for a in form.cleaned_data["applications"]],
                [u.pk for u in form.cleaned_data["reviewers"]],
                request.user,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("%(count)s new assignments.") % {"count": created})
            return redirect("calls:assign_reviewers", call.slug)
    applications = list(
        reviewing.assignable_applications(call).prefetch_related("assignments__reviewer", "assignments__review")
    )
    people = list(reviewing.reviewers())
    rows = []
    for application in applications:
        by_reviewer = {a.reviewer_id: a for a in application.assignments.all()}
        cells = []
        for person in people:
            assignment = by_reviewer.pop(person.pk, None)
            cells.append(_cell(person, assignment))
        # Assignments of users who no longer hold the reviewer role stay visible.
        extra = [_cell(a.reviewer, a) for a in by_reviewer.values()]
        rows.append({"application": application, "cells": cells, "extra": extra})
    return render(
        request,
        "calls/assign_reviewers.html",
        {"call": call, "form": form, "rows": rows, "people": people},
    )


def _cell(person, assignment) -> dict:
    state = reviewing.state(assignment) if assignment else None
    return {"person": person, "assignment": assignment, "state": state, "label": reviewing.STATE_LABELS.get(state)}


@login_required
def unassign(request, slug, pk):
    call = managed_call(request, slug)
    assignment = get_object_or_404(
        ReviewAssignment.objects.select_related("application__cluster", "reviewer"), pk=pk, application__call=call
    )
    submitted = reviewing.has_submitted(assignment)
    if request.method == "POST":
        try:
            reviewing.unassign(assignment)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The assignment was removed."))
        return redirect("calls:assign_reviewers", call.slug)
    return render(
        request, "calls/assign_unassign.html", {"call": call, "assignment": assignment, "submitted": submitted}
    )


# The reviewer's pages


def review_rows(user) -> list[dict]:
    """The user's assignments as the page lists them (a blind phase's label hides the applicant): the page and its
    export (views_list_exports.py) share these rows."""
    rows = []
    for assignment in reviewing.active_assignments(user):
        blind = reviewing.is_blind(assignment.application.call)
        rows.append(
            {
                "assignment": assignment,
                "label": reviewing.application_label(assignment.application, blind),
                "state": reviewing.state(assignment),
                "state_label": reviewing.STATE_LABELS[reviewing.state(assignment)],
            }
        )
    return rows


@login_required
def my_reviews(request):
    return render(request, "calls/review_list.html", {"rows": review_rows(request.user)})


def own_assignment(request, pk) -> ReviewAssignment:
    """The user's active assignment; 404 for anyone else's, a declared conflict, or without the reviewer role."""
    assignment = (
        ReviewAssignment.objects.select_related(
            "application__call__current_phase", "application__cluster", "application__form_version"
        )
        .filter(pk=pk, reviewer=request.user, conflict_declared_at__isnull=True)
        .first()
    )
    if assignment is None or not check(request.user, "application.review", assignment.application):
        raise Http404
    return assignment


def answer_rows(application) -> list[dict]:
    """The application's answers for reading (templates/calls/form_answers.html), shown as written."""
    return forms_engine.answer_rows(application.form_version, application.answers)


@login_required
def review(request, pk):
    assignment = own_assignment(request, pk)
    application = assignment.application
    call = application.call
    blind = reviewing.is_blind(call)
    context = {
        "assignment": assignment,
        "application": application,
        "call": call,
        "blind": blind,
        "label": reviewing.application_label(application, blind),
        "state": reviewing.state(assignment),
    }
    if assignment.no_conflict_declared_at is None:
        context["declaration"] = DeclarationForm()
        return render(request, "calls/review_declare.html", context)
    criteria = list(call.criteria.all())
    existing = reviewing.review_of(assignment)
    closed = (existing is not None and existing.is_submitted) or application.status not in reviewing.REVIEWABLE
    form = ReviewForm(
        criteria,
        request.POST if request.method == "POST" else None,
        initial=ReviewForm.initial_from(existing),
        disabled=closed,
    )
    if request.method == "POST":
        if closed:
            messages.error(request, _("Your review has been submitted and can no longer be changed."))
            return redirect("calls:review", assignment.pk)
        submit = request.POST.get("action") == "submit"
        if form.is_valid():
            scores, comments, overall = form.values()
            try:
                reviewing.save_review(assignment, scores, comments, overall, submit=submit)
            except reviewing.ReviewRefused as error:
                messages.error(request, " ".join(error.messages))
                return redirect("calls:review", assignment.pk)
            except ValidationError as error:
                form.add_service_errors(error)
            else:
                messages.success(request, _("Your review was submitted.") if submit else _("Your draft was saved."))
                return redirect("calls:review", assignment.pk)
    if existing is not None and existing.is_submitted:
        context["own_score"] = ranks.review_score(criteria, existing)
    context.update(
        {
            "form": form,
            "closed": closed,
            "sections": answer_rows(application),
            "attachments": list(application.files.all()),
            "others": [
                {
                    "name": name,
                    "score": ranks.review_score(criteria, other),
                    "overall": other.overall_comment,
                    "rows": [(c, other.scores.get(c.code), other.comments.get(c.code, "")) for c in criteria],
                }
                for name, other in reviewing.other_reviews(assignment)
            ],
            "others_visible": reviewing.others_visible(assignment),
            "criteria": criteria,
        }
    )
    return render(request, "calls/review_form.html", context)


@login_required
def declare(request, pk):
    assignment = own_assignment(request, pk)
    if request.method != "POST":
        return redirect("calls:review", assignment.pk)
    form = DeclarationForm(request.POST)
    if form.is_valid():
        try:
            reviewing.declare(assignment, form.cleaned_data["conflict"], form.cleaned_data["reason"])
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect("calls:review", assignment.pk)
        if form.cleaned_data["conflict"]:
            messages.success(
                request, _("Your conflict of interest was recorded. You no longer review this application.")
            )
            return redirect("calls:my_reviews")
        return redirect("calls:review", assignment.pk)
    application = assignment.application
    blind = reviewing.is_blind(application.call)
    return render(
        request,
        "calls/review_declare.html",
        {
            "assignment": assignment,
            "application": application,
            "call": application.call,
            "blind": blind,
            "label": reviewing.application_label(application, blind),
            "declaration": form,
        },
    )


# Ranking


@login_required
def ranking(request, slug):
    call = managed_call(request, slug)
    table = ranks.build(call, request.GET)
    # The export links (includes/export_links.html) carry the same query string, so the file is exactly this table.
    return render(request, "calls/ranking.html", {"call": call, "table": table, "sorts": ranks.sort_choices()})


@login_required
def ranking_export(request, slug, fmt):
    if fmt not in FORMATS:
        raise Http404
    call = managed_call(request, slug)
    table = ranks.build(call, request.GET)
    return export_response(fmt, f"rangordning-{call.slug}", ranks.columns(table), table.rows)
