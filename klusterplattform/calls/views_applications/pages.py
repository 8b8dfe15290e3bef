"""Starting an application, its page (answers, attachments, regions, endorsements, history, transitions) and the
draft's edit page. The writes are in ../applying.py and ../workflow.py; these views only ask and show."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from klusterplattform.core.permissions import check
from klusterplattform.core.uploads import stored_file_response

from .. import applying, editors, endorsements, forms_engine, workflow
from ..choices import ApplicationStatus
from ..forms_applications import (
    ActionForm,
    RegionsForm,
    StartForm,
    attachment_form,
)
from ..models import Application
from ..permissions import may_edit, undeclared_assignment
from ..submission import deadline_refusal
from .common import answer_sections, applicant_name, refuse, url_or_none, visible_application, visible_call

OFFICER_ACTIONS = ("check", "admit", "reject_ineligible")
PREFIX = "kp"  # the page's own inputs; form field codes never contain a hyphen


@login_required
def application_start(request, slug):
    call = visible_call(request, slug)
    clusters = applying.startable_clusters(request.user, call)
    if not clusters.exists():
        return refuse(request, _("Only the managers of a cluster organisation start its application."))
    existing = {a.cluster_id: a for a in Application.objects.filter(call=call, cluster__in=clusters)}
    choices = clusters.exclude(pk__in=existing)
    if not choices.exists() and existing:
        return redirect(next(iter(existing.values())))
    form = StartForm(request.POST if request.method == "POST" else None, clusters=choices)
    refusal = deadline_refusal(call)
    if request.method == "POST" and form.is_valid() and not refusal:
        try:
            application, created = applying.start(request.user, call, form.cleaned_data["cluster"])
        except PermissionDenied as denied:
            return refuse(request, str(denied))
        except ValidationError as error:
            form.add_error(None, error)
        else:
            if created:
                messages.success(request, _("The application is started. Your answers are saved as a draft."))
            return redirect("calls:application_edit", pk=application.pk)
    context = {"call": call, "form": form, "existing": list(existing.values()), "refusal": refusal}
    return render(request, "calls/application_start.html", context)


def _files_by_field(application):
    return {attached.field: attached for attached in application.files.all()}


def _events(application) -> list:
    events = list(application.events.select_related("actor"))
    for event in events:
        step = workflow.TRANSITIONS.get(event.transition)
        event.label = step.label if step else event.transition
    return events


@login_required
def application_detail(request, pk):
    application = visible_application(request, pk)
    user = request.user
    pending = undeclared_assignment(user, application)
    if pending is not None:  # a reviewer declares a conflict of interest before seeing the content
        return redirect("calls:declare_conflict", pending.pk)
    files = _files_by_field(application)
    available = workflow.available(application, user)
    officer = bool(check(user, "application.manage", application))
    mine = list(application.endorsements.select_related("region", "priority_area"))
    own_regions = endorsements.officer_region_ids(user)
    context = {
        "application": application,
        "applicant": applicant_name(user, application),
        "call": application.call,
        "sections": answer_sections(application, files),
        "completeness": forms_engine.completeness(application.form_version, application.answers, set(files)),
        "regions": list(application.regions.all()),
        "endorsements": mine,
        "my_endorsements": [e for e in mine if e.region_id in own_regions and endorsements.may_answer(user, e)],
        "events": _events(application),
        "may_edit": application.status == ApplicationStatus.DRAFT and bool(may_edit(user, application)),
        "may_manage_editors": editors.may_manage_editors(user, application),
        "editors": list(application.editors.select_related("user")),
        "actions": {t.code: t for t in available},
        "officer_actions": [t for t in available if t.code in OFFICER_ACTIONS],
        "action_form": ActionForm(),
        "officer": officer,
        "assign_url": url_or_none("calls:assign_reviewers", application.call.slug) if officer else None,
        "ranking_url": url_or_none("calls:ranking", application.call.slug) if officer else None,
        "call_url": url_or_none("calls:call", application.call.slug),
    }
    return render(request, "calls/application_detail.html", context)


def _edit_refusal(request, application):
    allowed, _reason = may_edit(request.user, application)
    if not allowed:
        return refuse(request, _("You may not change this application."), application=application)
    if application.status != ApplicationStatus.DRAFT:
        return refuse(
            request,
            _("Only a draft can be changed; this application is %(status)s.")
            % {"status": application.get_status_display().lower()},
            application=application,
        )
    return None


def _sections_with_files(version, answers_form, files_form, files) -> list:
    """Each section of the form with its file inputs (field, attached file, question), in the form's order."""
    questions = {question.code: question for question in forms_engine.file_fields(version)}
    result = []
    for section, definition in zip(answers_form.sections, forms_engine.sections(version), strict=True):
        codes = [item["code"] for item in definition.get("fields", []) if item["code"] in questions]
        rows = [(files_form[f"file_{code}"], files.get(code), questions[code]) for code in codes]
        result.append((section, rows))
    return result


@login_required
def application_edit(request, pk):
    application = visible_application(request, pk)
    refused = _edit_refusal(request, application)
    if refused:
        return refused
    version = application.form_version
    file_questions = forms_engine.file_fields(version)
    post = request.method == "POST"
    answers_form = forms_engine.form_for(
        version, data=request.POST if post else None, initial=application.answers, with_files=False
    )
    regions_form = RegionsForm(
        request.POST if post else None, prefix=PREFIX, initial={"regions": list(application.regions.all())}
    )
    files_form = attachment_form(
        file_questions, request.POST if post else None, request.FILES if post else None, prefix=PREFIX
    )
    if post and all([answers_form.is_valid(), regions_form.is_valid(), files_form.is_valid()]):
        try:
            with transaction.atomic():
                applying.save_draft(
                    application,
                    request.user,
                    answers=forms_engine.answers_from(answers_form),
                    regions=list(regions_form.cleaned_data["regions"]),
                )
                for name, field in files_form.fields.items():
                    upload = files_form.cleaned_data.get(name)
                    if upload:
                        applying.attach(application, request.user, field.code, upload)
        except PermissionDenied:
            return refuse(request, _("You may not change this application."), application=application)
        except ValidationError as error:
            answers_form.add_error(None, error)
        else:
            messages.success(request, _("The draft is saved."))
            return redirect("calls:application_edit", pk=application.pk)
    files = _files_by_field(application)
    context = {
        "application": application,
        "call": application.call,
        "answers_form": answers_form,
        "regions_form": regions_form,
        "files_form": files_form,
        "files": files,
        "sections": _sections_with_files(version, answers_form, files_form, files),
        "completeness": forms_engine.completeness(version, application.answers, set(files)),
        "errors": [f for f in (answers_form, regions_form, files_form) if f.errors],
    }
    return render(request, "calls/application_edit.html", context)


@login_required
def application_file(request, pk, file_id):
    application = visible_application(request, pk)
    attached = get_object_or_404(application.files.all(), pk=file_id)
    return stored_file_response(attached.file, attached.name)


@login_required
def application_file_delete(request, pk, file_id):
    application = visible_application(request, pk)
    attached = get_object_or_404(application.files.all(), pk=file_id)
    refused = _edit_refusal(request, application)
    if refused:
        return refused
    if request.method == "POST":
        try:
            applying.remove_file(attached, request.user)
        except PermissionDenied:
            return refuse(request, _("You may not change this application."), application=application)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The attachment %(name)s is removed.") % {"name": attached.name})
        return redirect("calls:application_edit", pk=application.pk)
    return render(request, "calls/application_file_delete.html", {"application": application, "file": attached})


@login_required
def application_action(request, pk, action):
    """A workflow transition: GET asks for confirmation (and a comment), POST makes it."""
    application = visible_application(request, pk)
    step = workflow.TRANSITIONS.get(action)
    if step is None:
        raise Http404
    allowed, _reason = workflow._permitted(request.user, step, application)
    if not allowed:
        return refuse(request, _("You may not do this to the application."), application=application)
    form = ActionForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            workflow.transition(application, request.user, action, form.cleaned_data["comment"])
        except PermissionDenied:
            return refuse(request, _("You may not do this to the application."), application=application)
        except ValidationError as refused:
            form.add_error(None, refused)
        else:
            messages.success(
                request,
                _("Done: the application is now %(status)s.") % {"status": application.get_status_display().lower()},
            )
            return redirect(application)
    context = {
        "application": application,
        "call": application.call,
        "step": step,
        "form": form,
        "possible": application.status in step.sources,
    }
    return render(request, "calls/application_action.html", context)
