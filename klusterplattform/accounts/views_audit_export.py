"""An object's history as CSV or XLSX for officers: every event of its trail (not one page), one row per changed
field, with the same field names and shown values as the history page (views_audit.py)."""

from django.contrib.auth.decorators import login_required
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from klusterplattform.core.exports import Column, list_export

from .views_audit import changes_of, related_names, trail_of


def _who(event) -> str:
    actor = event.actor
    if actor is None:
        return str(_("system"))
    return f"{actor.full_name} ({actor.email})" if actor.full_name else actor.email


def trail_rows(model, events) -> list[tuple]:
    """(event, change or None): an event without field changes (a deletion, say) still has its row."""
    events = list(events.select_related("actor"))
    names = related_names(model, events)
    rows = []
    for event in events:
        changes = changes_of(event, model, names)
        rows.extend((event, change) for change in changes or [None])
    return rows


COLUMNS = [
    Column(_("When"), lambda row: timezone.localtime(row[0].at).replace(tzinfo=None)),
    Column(_("Action"), lambda row: row[0].get_action_display()),
    Column(_("Who"), lambda row: _who(row[0])),
    Column(_("Channel"), lambda row: row[0].get_channel_display()),
    Column(_("Object"), lambda row: row[0].object_repr),
    Column(_("Field"), lambda row: row[1].label if row[1] else None),
    Column(_("Before"), lambda row: row[1].before if row[1] else None),
    Column(_("After"), lambda row: row[1].after if row[1] else None),
]


@login_required
def history_export(request, reference: str, file_format: str):
    model, object_id, events = trail_of(request, reference)
    stem = f"historik-{model._meta.model_name}-{object_id}"
    return list_export(file_format, stem, COLUMNS, trail_rows(model, events))
