"""An object's history for officers: its audit events, newest first, field by field.

The page is built from the events alone, so the history of a deleted object stays readable.
"""

import contextlib
from dataclasses import dataclass

from django.contrib.auth.decorators import login_required
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext as _

from klusterplattform.core.paging import page_count, page_request
from klusterplattform.core.permissions import check

from .audit import parse_object_reference
from .models import AuditAction, AuditEvent


@dataclass(frozen=True)
class Change:
    label: str
    before: str
    after: str


def _field_of(model, name: str):
    """The model field a stored name stands for: `cluster_id` (an attname) is the field `cluster`."""
    try:
        field = model._meta.get_field(name)
    except FieldDoesNotExist:
        return next((f for f in model._meta.concrete_fields if f.attname == name), None)
    return None if field.auto_created and not field.concrete else field  # a reverse relation is not a stored field


def _related_ids(field, values) -> list:
    """The ids among an event's [before, after] of a relation; redacted or malformed values are not ids."""
    ids = []
    for value in values:
        for candidate in value if isinstance(value, list) else [value]:
            if candidate is None:
                continue
            with contextlib.suppress(ValidationError):
                ids.append(field.target_field.to_python(candidate))
    return ids


def related_names(model, events) -> dict:
    """{(related model, id): name} for every id the events name: one query per related model, not per event."""
    wanted: dict = {}
    for event in events:
        for name, values in event.changes.items():
            field = _field_of(model, name)
            if field is not None and field.is_relation and isinstance(values, list):
                wanted.setdefault(field.related_model, set()).update(_related_ids(field, values))
    names = {}
    for related, ids in wanted.items():
        for pk, obj in related._base_manager.in_bulk(ids).items():
            names[related, str(pk)] = str(obj)
    return names


def _shown(value, field, names) -> str:
    if value is None or value == "" or value == []:
        return "–"
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if field is not None and field.is_relation:
        values = value if isinstance(value, list) else [value]
        return ", ".join(names.get((field.related_model, str(v)), str(v)) for v in values)
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    choices = dict(field.flatchoices) if field is not None and field.choices else {}
    return str(choices.get(value, value))


def changes_of(event: AuditEvent, model, names: dict) -> list[Change]:
    """The event's changes with each field's name in the page language; a field since removed keeps its stored name."""
    rows = []
    for name, values in event.changes.items():
        field = _field_of(model, name)
        before, after = (list(values) + [None, None])[:2] if isinstance(values, list) else (None, values)
        label = str(field.verbose_name) if field is not None else name
        rows.append(Change(label, _shown(before, field, names), _shown(after, field, names)))
    return rows


def trail_of(request, reference: str):
    """(model, object id, its events newest first) for officers; 404 for anyone else and for a malformed reference.
    The page and its export (views_audit_export.py) share it."""
    if not check(request.user, "audit.view"):
        raise Http404  # the trail's existence is nobody else's business
    try:
        content_type, object_id = parse_object_reference(reference)
    except ValueError:
        raise Http404 from None
    return (
        content_type.model_class(),
        object_id,
        AuditEvent.objects.filter(content_type=content_type, object_id=object_id),
    )


@login_required
def history(request, reference: str):
    model, object_id, events = trail_of(request, reference)
    total = events.count()
    wanted = page_request(request.GET.get("page"))
    pages = page_count(total, wanted.size)
    number = min(wanted.page, pages)
    offset = (number - 1) * wanted.size
    page_events = list(events.select_related("actor")[offset : offset + wanted.size]) if total else []
    names = related_names(model, page_events)
    context = {
        "reference": reference,
        "type_name": model._meta.verbose_name,
        "object_repr": _newest_repr(events, page_events, number),
        "current": _current_object(model, object_id, page_events, number),
        "rows": [(event, changes_of(event, model, names)) for event in page_events],
        "total": total,
        "page_number": number,
        "page_count": pages,
        "deleted": AuditAction.DELETE,
    }
    return render(request, "accounts/history.html", context)


def _newest_repr(events, page_events, number) -> str:
    """The name the object had last (a deleted object's name lives on only in its events)."""
    if number == 1 or not page_events:
        return page_events[0].object_repr if page_events else ""
    return events.values_list("object_repr", flat=True).first() or ""


def _current_object(model, object_id, page_events, number):
    """The object itself when it still exists and has a page, for a link back.

    Looked up only when the newest event says it may exist: an id with events is one the database has held."""
    if number != 1 or not page_events or page_events[0].action == AuditAction.DELETE:
        return None
    if not hasattr(model, "get_absolute_url"):
        return None
    return model._base_manager.filter(pk=object_id).first()
