"""The call pages: the public list and page of a call, and what officers (call.manage) do to a call: create and
change it, edit its application form until it opens, its review criteria (until a review is submitted), review
phases and documents.

An unpublished call does not exist for anyone but officers (404). An officer-only page seen by someone who may see
the call is 403; anonymous visitors are sent to sign in.
"""

import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import IntegrityError, transaction
from django.db.models import Case, Count, F, IntegerField, Q, Value, When
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from klusterplattform.core.permissions import check
from klusterplattform.core.uploads import stored_file_response
from klusterplattform.registry.models import Programme
from klusterplattform.registry.views.paging import paginate

from . import forms_engine
from .choices import ApplicationStatus
from .forms_calls import (
    CallFilterForm,
    CallForm,
    CriterionFormSet,
    CurrentPhaseForm,
    DocumentForm,
    FormDefinitionForm,
    PhaseFormSet,
    status_filter,
)
from .models import Call, Review


def refuse(request, explanation, status=403):
    return render(request, "403.html", {"explanation": explanation}, status=status)


def visible_call(request, slug) -> Call:
    """The call if call.view reaches it (published, or the user is an officer), else 404."""
    if "\x00" in slug:
        raise Http404
    return get_object_or_404(Call.objects.visible_to(request.user).select_related("programme"), slug=slug)


def may_manage(user, call=None) -> bool:
    return bool(check(user, "call.manage", call))


def countdown(delta) -> str:
    """A time left, in words: "3 days, 4 hours", "5 hours, 10 minutes", "12 minutes"."""
    seconds = max(0, int(delta.total_seconds()))
    days, rest = divmod(seconds, 86400)
    hours, rest = divmod(rest, 3600)
    minutes = max(1, rest // 60) if not days and not hours else rest // 60
    day_text = ngettext("%(count)s day", "%(count)s days", days) % {"count": days}
    hour_text = ngettext("%(count)s hour", "%(count)s hours", hours) % {"count": hours}
    minute_text = ngettext("%(count)s minute", "%(count)s minutes", minutes) % {"count": minutes}
    if days:
        return f"{day_text}, {hour_text}"
    if hours:
        return f"{hour_text}, {minute_text}"
    return minute_text


def local(moment, call):
    """The wall-clock time in the call's zone, without a zone (templates would otherwise convert it again)."""
    return timezone.localtime(moment, call.zone).replace(tzinfo=None)


def start_url(call):
    """The applications part's "start an application" page, if that part is installed."""
    try:
        return reverse("calls:application_start", args=[call.slug])
    except NoReverseMatch:
        return None


# ---------------------------------------------------------------------------------------------------------------
# Public pages


def listed_calls(request, now):
    """The list's filter form and its calls in the list's order: the page and its export (views_list_exports.py)
    share this one query."""
    calls = Call.objects.visible_to(request.user)
    programmes = Programme.objects.filter(pk__in=calls.values("programme_id")).order_by("name_sv")
    filters = CallFilterForm(request.GET or None, programmes=programmes)
    if filters.is_bound and filters.is_valid():
        if filters.cleaned_data.get("programme"):
            calls = calls.filter(programme=filters.cleaned_data["programme"])
        if filters.cleaned_data.get("status"):
            calls = calls.filter(status_filter(filters.cleaned_data["status"], now))
    calls = calls.select_related("programme").annotate(
        group=Case(
            When(opens_at__lte=now, closes_at__gt=now, then=Value(0)),
            When(opens_at__gt=now, then=Value(1)),
            default=Value(2),
            output_field=IntegerField(),
        ),
        selected=Count("applications", filter=Q(applications__status=ApplicationStatus.SELECTED)),
    )
    # Open calls by closing date, forthcoming by opening date, then closed ones, the latest closed first.
    soonest = Case(When(group=0, then=F("closes_at")), When(group=1, then=F("opens_at")), default=None)
    return filters, calls.order_by("group", soonest.asc(nulls_last=True), "-closes_at", "slug")


def call_list(request):
    now = timezone.now()
    filters, calls = listed_calls(request, now)
    page = paginate(request, calls)
    for call in page.items:
        call.current_status = call.status(now)
        call.local_opens = local(call.opens_at, call)
        call.local_closes = local(call.closes_at, call)
    context = {"filters": filters, "page": page, "may_create": may_manage(request.user)}
    return render(request, "calls/call_list.html", context)


def call_detail(request, slug):
    call = visible_call(request, slug)
    user = request.user
    now = timezone.now()
    status = call.status(now)
    context = {
        "call": call,
        "status": status,
        "local_opens": local(call.opens_at, call),
        "local_closes": local(call.closes_at, call),
        "documents": list(call.documents.all()),
        "criteria": list(call.criteria.all()),
        "may_manage": may_manage(user, call),
    }
    if status == "open":
        context["countdown"] = countdown(call.closes_at - now)
        if check(user, "application.start"):
            context["start_url"] = start_url(call)
    elif status == "forthcoming":
        context["countdown"] = countdown(call.opens_at - now)
    else:
        context["selected"] = call.applications.filter(status=ApplicationStatus.SELECTED).count()
    return render(request, "calls/call_detail.html", context)


def document_download(request, slug, document_id):
    call = visible_call(request, slug)
    document = get_object_or_404(call.documents, pk=document_id)
    return stored_file_response(document.file)


# ---------------------------------------------------------------------------------------------------------------
# Officers


@login_required
def call_create(request):
    if not may_manage(request.user):
        return refuse(request, _("Only programme officers create calls."))
    form = CallForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        call = form.save(commit=False)
        call.created_by = request.user
        with transaction.atomic():
            call.save()
            forms_engine.current_form(call)  # version 1: the default form, for the officer to adapt
        messages.success(request, _("The call is saved."))
        return redirect(call)
    return render(request, "calls/call_edit.html", {"form": form, "call": None})


def _managed_call(request, slug, explanation):
    """(call, None) for an officer; (None, response) otherwise: 404 for a call the user may not see, else 403."""
    call = visible_call(request, slug)
    if not may_manage(request.user, call):
        return None, refuse(request, explanation)
    return call, None


@login_required
def call_edit(request, slug):
    call, refusal = _managed_call(request, slug, _("Only programme officers change calls."))
    if refusal:
        return refusal
    form = CallForm(request.POST or None, instance=call)
    if request.method == "POST" and form.is_valid():
        call = form.save()
        messages.success(request, _("The call is saved."))
        return redirect(call)
    call.refresh_from_db()
    return render(request, "calls/call_edit.html", {"form": form, "call": call})


@login_required
def form_editor(request, slug):
    call, refusal = _managed_call(request, slug, _("Only programme officers change application forms."))
    if refusal:
        return refusal
    now = timezone.now()
    version = forms_engine.current_form(call, now)
    locked = call.opens_at <= now
    text = json.dumps(version.definition, indent=2, ensure_ascii=False)
    form = FormDefinitionForm(initial={"definition": text})
    if request.method == "POST":
        if locked:
            messages.error(request, _("The call has opened: its application form can no longer be changed."))
            return redirect("calls:call_form", call.slug)
        if "use_default" in request.POST:
            default = json.dumps(forms_engine.DEFAULT_FORM, indent=2, ensure_ascii=False)
            form = FormDefinitionForm(initial={"definition": default})
            messages.info(request, _("The default form is filled in below. It is not saved until you save it."))
        else:
            form = FormDefinitionForm(request.POST)
            if form.is_valid():
                try:
                    saved = forms_engine.save_form(call, form.cleaned_data["definition"], now)
                except forms_engine.FormLocked:
                    messages.error(request, _("The call has opened: its application form can no longer be changed."))
                else:
                    messages.success(request, _("Version %(number)s of the form is saved.") % {"number": saved.number})
                return redirect("calls:call_form", call.slug)
    context = {
        "call": call,
        "version": version,
        "locked": locked,
        "form": form,
        "preview": forms_engine.form_for(version),
        "versions": list(call.form_versions.order_by("-number")),
    }
    return render(request, "calls/form_editor.html", context)


def criteria_locked(call) -> bool:
    return Review.objects.filter(assignment__application__call=call, submitted_at__isnull=False).exists()


@login_required
def call_criteria(request, slug):
    call, refusal = _managed_call(request, slug, _("Only programme officers change review criteria."))
    if refusal:
        return refusal
    locked = criteria_locked(call)
    queryset = call.criteria.all()
    formset = CriterionFormSet(request.POST or None, queryset=queryset, prefix="criteria")
    if request.method == "POST":
        if locked:
            messages.error(request, _("Reviews have been submitted: the criteria can no longer be changed."))
            return redirect("calls:call_criteria", call.slug)
        if formset.is_valid():
            try:
                with transaction.atomic():
                    _save_formset(formset, call)
            except IntegrityError:
                formset._non_form_errors = formset.error_class([_("Each criterion needs its own code.")])
            else:
                messages.success(request, _("The review criteria are saved."))
                return redirect("calls:call_criteria", call.slug)
    return render(request, "calls/call_criteria.html", {"call": call, "formset": formset, "locked": locked})


def _save_formset(formset, call):
    """Deletions first (a code may be reused in the same save), then changes and new rows."""
    instances = formset.save(commit=False)
    for obj in formset.deleted_objects:
        if obj.pk:
            obj.delete()
    for obj in instances:
        obj.call = call
        obj.save()


@login_required
def call_phases(request, slug):
    call, refusal = _managed_call(request, slug, _("Only programme officers change review phases."))
    if refusal:
        return refusal
    formset = PhaseFormSet(request.POST or None, queryset=call.phases.all(), prefix="phases")
    current = CurrentPhaseForm(
        request.POST or None, call=call, initial={"current_phase": call.current_phase_id}, prefix="current"
    )
    if request.method == "POST" and formset.is_valid() and current.is_valid():
        with transaction.atomic():
            _save_formset(formset, call)
            call.refresh_from_db(fields=["current_phase"])
            chosen = current.cleaned_data.get("current_phase")
            if chosen is not None and chosen in formset.deleted_objects:
                chosen = None
            call.current_phase = chosen
            call.save(update_fields=["current_phase", "updated_at"])
        messages.success(request, _("The review phases are saved."))
        return redirect("calls:call_phases", call.slug)
    return render(request, "calls/call_phases.html", {"call": call, "formset": formset, "current": current})


@login_required
def document_upload(request, slug):
    call, refusal = _managed_call(request, slug, _("Only programme officers add documents to calls."))
    if refusal:
        return refusal
    form = DocumentForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        document = form.save(commit=False)
        document.call = call
        document.uploaded_by = request.user
        document.save()
        messages.success(request, _("The document %(title)s is added.") % {"title": document.title})
        return redirect(call)
    return render(request, "calls/call_document_form.html", {"call": call, "form": form})


@login_required
def document_delete(request, slug, document_id):
    call, refusal = _managed_call(request, slug, _("Only programme officers delete documents."))
    if refusal:
        return refusal
    document = get_object_or_404(call.documents, pk=document_id)
    if request.method == "POST":
        title, stored = document.title, document.file.name
        document.delete()
        if stored:
            document.file.storage.delete(stored)
        messages.success(request, _("The document %(title)s is deleted.") % {"title": title})
        return redirect(call)
    return render(request, "calls/call_document_delete.html", {"call": call, "document": document})
