"""Writing an application (services the pages and the API share): starting one, saving a draft's answers and
regions, attaching and removing files. Only a draft changes, and only by who may edit it (permissions.may_edit: the
cluster's managers and invited editors); the status moves only through calls/workflow.py.

A draft may be incomplete: each answer given is validated (type, length, choices), required fields are enforced
only on submission (calls/submission.py).
"""

import os

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.text import get_valid_filename
from django.utils.translation import gettext as _

from klusterplattform.core import permissions as engine
from klusterplattform.core.permissions import Scope, check
from klusterplattform.registry.choices import RegionLevel
from klusterplattform.registry.models import ClusterOrganisation, Region

from .choices import ApplicationStatus
from .models import Application, ApplicationFile
from .permissions import may_edit
from .submission import deadline_refusal


def swedish_counties():
    """The regions an application may name: Swedish län."""
    return Region.objects.filter(level=RegionLevel.COUNTY, country="SE").order_by("code")


def startable_clusters(user, call):
    """The clusters the user may start an application for (demo clusters only in a demo programme's calls)."""
    reach = engine.filter_for(user, "application.start", {Scope.OWN_CLUSTER: lambda ids: Q(pk__in=ids)})
    clusters = ClusterOrganisation.objects.filter(reach)
    if not call.programme.is_demo:
        clusters = clusters.filter(is_demo=False)
    return clusters.order_by("sort_name", "pk")


def start(user, call, cluster, now=None) -> tuple[Application, bool]:
    """The cluster's application to the call: the existing one, or a new draft on the form in force (the cluster's
    Swedish regions named). Raises PermissionDenied, or ValidationError when the call is not open."""
    from .forms_engine import current_form

    if not check(user, "application.start", cluster):
        raise PermissionDenied(_("Only the cluster's managers start its application."))
    existing = Application.objects.filter(call=call, cluster=cluster).first()
    if existing is not None:
        return existing, False
    now = now or timezone.now()
    refusal = deadline_refusal(call, now)
    if refusal:
        raise ValidationError(refusal)
    try:
        with transaction.atomic():
            application = Application.objects.create(
                call=call, cluster=cluster, form_version=current_form(call, now), created_by=user
            )
            application.regions.set(swedish_counties().filter(clusters=cluster))
    except IntegrityError:  # started at the same moment by a colleague
        return Application.objects.get(call=call, cluster=cluster), False
    return application, True


def _may_change(application, user) -> None:
    allowed, reason = may_edit(user, application)
    if not allowed:
        raise PermissionDenied(reason)
    if application.status != ApplicationStatus.DRAFT:
        raise ValidationError(
            _("Only a draft can be changed; this application is %(status)s.")
            % {"status": application.get_status_display().lower()}
        )


def save_draft(application, user, answers: dict | None = None, regions=None) -> Application:
    """Replace the answers (already validated by the form engine) and/or the named regions of a draft."""
    _may_change(application, user)
    if regions is not None:
        counties = set(swedish_counties().values_list("pk", flat=True))
        if any(region.pk not in counties for region in regions):
            raise ValidationError({"regions": _("Name Swedish counties (län) only.")})
    with transaction.atomic():
        locked = Application.objects.select_for_update().get(pk=application.pk)
        if locked.status != ApplicationStatus.DRAFT:
            raise ValidationError(_("Only a draft can be changed."))
        if answers is not None:
            application.answers = answers
            application.save(update_fields=["answers", "updated_at"])
        if regions is not None:
            application.regions.set(regions)
    return application


def file_field(application, code: str):
    """The form's file question `code` (code, label, extensions, max_bytes, required)."""
    from .forms_engine import file_fields

    for question in file_fields(application.form_version):
        if question.code == code:
            return question
    raise ValidationError(_("The form has no attachment “%(code)s”.") % {"code": code})


def attach(application, user, code: str, upload) -> ApplicationFile:
    """Attach the file for the field `code`, replacing the one attached before (deleted once committed)."""
    _may_change(application, user)
    from .forms_engine import check_upload

    check_upload(file_field(application, code), upload)
    name = get_valid_filename(os.path.basename(upload.name))[:200]
    with transaction.atomic():
        previous = list(application.files.filter(field=code))
        attached = ApplicationFile(application=application, field=code, name=name, size=upload.size, uploaded_by=user)
        attached.file.save(name, upload, save=False)
        attached.save()
        for old in previous:
            _delete(old)
    return attached


def remove_file(attached, user) -> None:
    _may_change(attached.application, user)
    with transaction.atomic():
        _delete(attached)


def _delete(attached) -> None:
    stored, storage = attached.file.name, attached.file.storage
    attached.delete()
    transaction.on_commit(lambda: storage.delete(stored))


def validate_answers(form_version, answers: dict) -> tuple[dict, dict]:
    """Check JSON answers {code: value} against the form (as a draft: required fields not enforced); returns
    (the cleaned answers, {code: [messages]}). File fields and unknown codes are errors."""
    from django.utils.datastructures import MultiValueDict

    from klusterplattform.core import questionnaire as q

    from . import forms_engine

    items = {item["code"]: item for item in forms_engine.fields(form_version)}
    data, errors = MultiValueDict(), {}
    for code, value in answers.items():
        item = items.get(code)
        if item is None:
            errors[code] = [_("The form has no field with this code.")]
            continue
        kind = item["kind"]
        if kind == q.FILE:
            errors[code] = [_("Attach files on the application's edit page.")]
        elif kind == q.TABLE:
            rows = value or []
            max_rows = item.get("max_rows", 5)
            if not isinstance(rows, list) or not all(isinstance(row, dict) for row in rows):
                errors[code] = [_("A table's answer is a list of rows, each an object {column code: value}.")]
            elif len(rows) > max_rows:
                errors[code] = [_("At most %(count)s rows.") % {"count": max_rows}]
            else:
                for number, row in enumerate(rows):
                    for column, cell in row.items():
                        data.setlist(f"{code}-{number}-{column}", ["" if cell is None else str(cell)])
        elif kind == q.MULTIPLE:
            if value is not None and not isinstance(value, list):
                errors[code] = [_("Send a list of option codes.")]
            else:
                data.setlist(code, [str(v) for v in value or []])
        elif isinstance(value, list | dict):
            errors[code] = [_("Send one value.")]
        else:
            data.setlist(code, ["" if value is None else str(value)])
    form = forms_engine.form_for(form_version, data=data, with_files=False)
    if not form.is_valid():
        for code, messages in form.errors.items():
            if code in answers:
                errors.setdefault(code, []).extend(messages)
    if errors:
        return {}, errors
    return forms_engine.answers_from(form), {}
