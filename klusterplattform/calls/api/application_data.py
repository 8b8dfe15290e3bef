"""Loading applications for the API and putting them into the shapes of application_schemas (plain dicts, built in
the request language). While the call's review phase hides applicants, a caller who reaches the application only
as its reviewer gets no cluster name."""

from django.http import Http404

from .. import forms_engine, workflow
from ..models import Application
from ..permissions import application_visibility_filter, may_view, only_as
from .application_schemas import MAX_ID


def listed(queryset):
    return queryset.select_related("call__current_phase", "cluster", "form_version").prefetch_related("regions")


def names_hidden(user, application) -> bool:
    phase = application.call.current_phase
    return bool(phase and phase.hide_applicants) and only_as(user, application, "reviewer")


def list_item(application, user) -> dict:
    hidden = names_hidden(user, application)
    return {
        "id": application.pk,
        "call": application.call.slug,
        "cluster": None if hidden else application.cluster.slug,
        "cluster_name": None if hidden else application.cluster.name,
        "status": application.status,
        "status_label": str(application.get_status_display()),
        "regions": [region.code for region in application.regions.all()],
        "submitted_at": application.submitted_at,
        "updated_at": application.updated_at,
    }


def visible_application(user, application_id: int) -> Application:
    if application_id > MAX_ID or application_id < 1:
        raise Http404
    queryset = listed(Application.objects.filter(application_visibility_filter(user)))
    application = queryset.filter(pk=application_id).first()
    if application is None or not may_view(user, application):
        raise Http404
    return application


def _actor(user) -> str | None:
    return None if user is None else (user.full_name or user.email)


def detail(application, user) -> dict:
    files = list(application.files.all())
    report = forms_engine.completeness(application.form_version, application.answers, {f.field for f in files})
    endorsements = application.endorsements.select_related("region", "priority_area")
    return {
        **list_item(application, user),
        "form_version": application.form_version.number,
        "answers": application.answers or {},
        "files": [{"id": f.pk, "field": f.field, "name": f.name, "size": f.size} for f in files],
        "endorsements": [
            {
                "region": e.region.code,
                "region_name": e.region.name,
                "status": e.status,
                "status_label": str(e.get_status_display()),
                "priority_area": e.priority_area.code if e.priority_area else None,
                "reason": e.reason,
                "decided_at": e.decided_at,
            }
            for e in endorsements
        ],
        "completeness": {
            "complete": report.complete,
            "answered": report.answered,
            "required": report.required,
            "missing": [item["code"] for item in report.missing],
            "sections": [
                {"code": s.code, "title": s.title, "answered": s.answered, "required": s.required}
                for s in report.sections
            ],
        },
        "decided_at": application.decided_at,
        "justification": application.justification,
        "events": [
            {
                "transition": e.transition,
                "from_status": e.from_status,
                "to_status": e.to_status,
                "actor": _actor(e.actor),
                "comment": e.comment,
                "at": e.at,
            }
            for e in application.events.select_related("actor")
        ],
        "actions": [{"code": t.code, "label": str(t.label)} for t in workflow.available(application, user)],
    }
