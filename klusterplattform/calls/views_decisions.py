"""The officers' decision pages: one application, the bulk table of a call, and the decision e-mails' preview and
sending. The rules are in decisions.py, notifications.py and workflow.py; these views only ask and show.

A call or application the user may not see is 404; one they see but may not decide on is 403; anonymous → sign in.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from klusterplattform.core.permissions import check

from . import decisions, notifications, workflow
from .choices import ApplicationStatus
from .forms_decisions import DecisionForm, DecisionRowForm
from .models import Application, Call
from .permissions import may_view

MAY_NOT_DECIDE = gettext_lazy("Only the programme's officers decide on applications.")


def _refuse(request, explanation=None):
    return render(request, "403.html", {"explanation": explanation or MAY_NOT_DECIDE}, status=403)


def _url(name: str, *args) -> str | None:
    try:
        return reverse(name, args=args)
    except NoReverseMatch:  # a part of the module whose pages are not installed
        return None


def _visible_call(request, slug) -> Call:
    return get_object_or_404(Call.objects.visible_to(request.user).select_related("programme"), slug=slug)


def _progress(call) -> dict:
    counts = decisions.outcome_counts(call)
    return {"counts": counts, "target": call.target_selections, "selected": counts["selected"]}


@login_required
@require_http_methods(["GET", "POST"])
def decide(request, pk):
    application = get_object_or_404(
        Application.objects.select_related("call__programme", "cluster", "form_version"), pk=pk
    )
    if not may_view(request.user, application):
        raise Http404
    if not check(request.user, "application.manage", application):
        return _refuse(request)
    call = application.call
    open_for_decision = application.status == ApplicationStatus.IN_REVIEW
    form = DecisionForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            decisions.decide(
                application, request.user, form.cleaned_data["decision"], form.cleaned_data["justification"]
            )
        except PermissionDenied:
            return _refuse(request)
        except workflow.TransitionRefused as refused:
            form.add_error(None, refused)
        else:
            messages.success(
                request,
                _("Decision recorded: %(cluster)s is %(status)s.")
                % {"cluster": application.cluster.name, "status": application.get_status_display().lower()},
            )
            return redirect(_url("calls:application", application.pk) or reverse("calls:bulk_decide", args=[call.slug]))
    return render(
        request,
        "calls/decision_form.html",
        {
            "application": application,
            "call": call,
            "form": form,
            "open_for_decision": open_for_decision,
            "application_url": _url("calls:application", application.pk),
            **_progress(call),
        },
    )


def _rows(call, data):
    """The bulk table: every in-review application, plus any other application of the call a posted row names (it
    was decided by someone else meanwhile: the workflow refuses it, and so nothing is decided)."""
    applications = call.applications.select_related("cluster").order_by("cluster__sort_name", "pk")
    in_review = [a for a in applications if a.status == ApplicationStatus.IN_REVIEW]
    if data is not None:
        named = [
            a
            for a in applications
            if a.status != ApplicationStatus.IN_REVIEW and data.get(f"a{a.pk}-decision", "").strip()
        ]
        in_review += named
    return [(a, DecisionRowForm(data, prefix=f"a{a.pk}")) for a in in_review]


@login_required
@require_http_methods(["GET", "POST"])
def bulk_decide(request, slug):
    call = _visible_call(request, slug)
    if not check(request.user, "application.manage"):
        return _refuse(request)
    data = request.POST if request.method == "POST" else None
    rows = _rows(call, data)
    problem = False
    if data is not None:
        if all(form.is_valid() for _a, form in rows):
            chosen = [
                decisions.Row(a, form.cleaned_data["decision"], form.cleaned_data["justification"])
                for a, form in rows
                if form.cleaned_data["decision"]
            ]
            if not chosen:
                messages.info(request, _("No decision was chosen; nothing was changed."))
                return redirect("calls:bulk_decide", slug=call.slug)
            decided, errors = decisions.decide_many(request.user, chosen)
            if not errors:
                messages.success(
                    request,
                    _("%(count)s decisions recorded.") % {"count": decided}
                    if decided != 1
                    else _("1 decision recorded."),
                )
                return redirect("calls:bulk_decide", slug=call.slug)
            for application, form in rows:
                if application.pk in errors:
                    form.add_error(None, errors[application.pk])
        problem = True
    return render(
        request,
        "calls/decision_bulk.html",
        {
            "call": call,
            "rows": [{"application": a, "form": form, "url": _url("calls:application", a.pk)} for a, form in rows],
            "problem": problem,
            **_progress(call),
        },
        status=200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def notification_preview(request, slug):
    call = _visible_call(request, slug)
    if not check(request.user, "application.manage"):
        return _refuse(request)
    if request.method == "POST":
        tally = notifications.send(call, request.user)
        if tally.sent:
            messages.success(request, _("%(count)s e-mails sent.") % {"count": tally.sent})
        elif not tally.failed:
            messages.info(request, _("Every decision e-mail has already been sent; nothing was sent again."))
        if tally.failed:
            messages.error(
                request,
                _("%(count)s e-mails could not be sent: %(errors)s")
                % {"count": tally.failed, "errors": "; ".join(tally.errors)},
            )
        return redirect("calls:notifications", slug=call.slug)
    notices = notifications.notices(call)
    return render(
        request,
        "calls/notifications.html",
        {
            "call": call,
            "notices": notices,
            "statuses": sorted(notifications.notified_statuses(call)),
            "status_labels": [ApplicationStatus(s).label for s in sorted(notifications.notified_statuses(call))],
            "unsent": sum(len(n.unsent) for n in notices),
        },
    )
