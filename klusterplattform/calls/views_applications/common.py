"""What the application pages share: finding an application the user may see (else 404), refusing (403), and the
answers of an application as rows to show."""

from django.shortcuts import get_object_or_404, render
from django.urls import NoReverseMatch, reverse

from klusterplattform.core import questionnaire as q

from .. import forms_engine
from ..models import Application, Call
from ..permissions import application_visibility_filter, may_view


def visible_call(request, slug) -> Call:
    return get_object_or_404(Call.objects.visible_to(request.user).select_related("programme"), slug=slug)


def visible_application(request, pk) -> Application:
    """The application if the user may see it, else 404 (it does not exist for them)."""
    queryset = Application.objects.filter(application_visibility_filter(request.user)).select_related(
        "call__programme", "call__current_phase", "cluster", "form_version"
    )
    application = queryset.filter(pk=pk).first()
    if application is None or not may_view(request.user, application):
        from django.http import Http404

        raise Http404
    return application


def applicant_name(user, application) -> str:
    """The cluster's name, unless the call's review phase hides applicants from a user who reaches the application
    only as its reviewer."""
    from django.utils.translation import gettext as _

    from ..permissions import only_as

    phase = application.call.current_phase
    if phase and phase.hide_applicants and only_as(user, application, "reviewer"):
        return _("Application %(number)s") % {"number": application.pk}
    return application.cluster.name


def refuse(request, explanation, status=403, application=None):
    return render(
        request,
        "calls/application_refused.html",
        {"explanation": explanation, "application": application},
        status=status,
    )


def url_or_none(name, *args):
    try:
        return reverse(name, args=args)
    except NoReverseMatch:
        return None


def answer_text(item: dict, value):
    """An answer as shown on the page: options by their labels, a table as rows of cells."""
    kind = item["kind"]
    if not q.is_answered(None, value):
        return None
    question = forms_engine.question(item)
    if kind == q.CHOICE:
        labels = {option.code: option.label for option in question.options}
        return labels.get(value, value)
    if kind == q.MULTIPLE:
        labels = {option.code: option.label for option in question.options}
        return ", ".join(str(labels.get(code, code)) for code in value)
    if kind == q.TABLE:
        return {
            "columns": [column.label for column in question.columns],
            "rows": [[row.get(column.code, "") for column in question.columns] for row in value],
        }
    return value


def answer_sections(application, files_by_field) -> list[dict]:
    """The form's sections with each field's label, kind and shown answer (files: the attached file)."""
    result = []
    answers = application.answers or {}
    for section in forms_engine.sections(application.form_version):
        rows = []
        for item in section.get("fields", []):
            row = {
                "code": item["code"],
                "label": forms_engine._pick(item, "label"),
                "kind": item["kind"],
                "required": bool(item.get("required")),
            }
            if item["kind"] == q.FILE:
                row["file"] = files_by_field.get(item["code"])
            else:
                row["value"] = answer_text(item, answers.get(item["code"]))
            rows.append(row)
        result.append({"code": section["code"], "title": forms_engine._pick(section, "title"), "rows": rows})
    return result
