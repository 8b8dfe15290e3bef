"""The audit trail: every create, change and delete of the domain objects that matter, field by field.

Apps name their models with `track(Model)` in AppConfig.ready(); from then on model signals record each save and
delete, with the actor and the channel taken from the current context:
- web pages and the API: AuditContextMiddleware (the signed-in user, or the API token's user);
- imports: `with audit_context(AuditChannel.IMPORT, actor=…)`;
- management commands and anything else: channel "command", no actor.
Bulk writes bypass model signals; code that writes in bulk records its events with `record_many()`.
"""

import datetime
import decimal
import uuid
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.fields.files import FieldFile
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save
from django.urls import reverse

from .models import AuditAction, AuditChannel, AuditEvent

REDACTED = "[redacted]"


@dataclass(frozen=True)
class _Context:
    channel: str
    actor: object = None
    request: object = None

    def resolve_actor(self):
        if self.actor is not None:
            return self.actor
        user = getattr(self.request, "user", None)  # the API's token auth sets request.user too
        return user if getattr(user, "is_authenticated", False) else None


_current: ContextVar[_Context | None] = ContextVar("kp_audit_context", default=None)
_tracked: dict[type, tuple[str, ...]] = {}


@contextmanager
def audit_context(channel: str, actor=None):
    token = _current.set(_Context(channel, actor))
    try:
        yield
    finally:
        _current.reset(token)


def current_channel_and_actor():
    context = _current.get()
    if context is None:
        return AuditChannel.COMMAND, None
    return context.channel, context.resolve_actor()


class AuditContextMiddleware:
    """Marks everything a request writes with its channel (page or API) and, lazily, its user."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        channel = AuditChannel.API if request.path.startswith("/api/") else AuditChannel.PAGE
        token = _current.set(_Context(channel, request=request))
        try:
            return self.get_response(request)
        finally:
            _current.reset(token)


def _json_value(value):
    if isinstance(value, datetime.datetime | datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, decimal.Decimal | uuid.UUID):
        return str(value)
    if isinstance(value, FieldFile):  # an uploaded file is recorded by its stored name
        return value.name or ""
    if isinstance(value, set):  # many-to-many ids: order carries no meaning
        return sorted(_json_value(v) for v in value)
    if isinstance(value, list | tuple):  # a JSON list keeps its order (its items may be objects)
        return [_json_value(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _json_value(v) for k, v in value.items()}
    return value


def _fields(model) -> list[models.Field]:
    excluded = _tracked[model]
    return [
        f
        for f in model._meta.concrete_fields
        if not f.primary_key and f.name not in excluded and not getattr(f, "auto_now", False)
    ]


def snapshot(instance) -> dict:
    return {f.attname: _json_value(f.value_from_object(instance)) for f in _fields(type(instance))}


def _event(instance, action: str, changes: dict) -> AuditEvent:
    channel, actor = current_channel_and_actor()
    return AuditEvent(
        actor=actor,
        channel=channel,
        action=action,
        content_type=ContentType.objects.get_for_model(instance),
        object_id=str(instance.pk),
        object_repr=str(instance)[:200],
        changes=changes,
    )


def record(instance, action: str, changes: dict) -> AuditEvent:
    event = _event(instance, action, changes)
    event.save()
    return event


def record_many(entries) -> None:
    """Record events for bulk writes: entries are (instance, action, changes) tuples."""
    events = [_event(instance, action, changes) for instance, action, changes in entries]
    AuditEvent.objects.bulk_create(events, batch_size=1000)


def diff(before: dict, after: dict) -> dict:
    return {name: [before.get(name), value] for name, value in after.items() if before.get(name) != value}


def _before_save(sender, instance, raw=False, **kwargs):
    if raw or instance._state.adding or instance.pk is None:
        instance._kp_audit_before = None
        return
    names = [f.attname for f in _fields(sender)]
    row = sender._base_manager.filter(pk=instance.pk).values(*names).first()
    instance._kp_audit_before = {k: _json_value(v) for k, v in row.items()} if row else None


def _after_save(sender, instance, created, raw=False, **kwargs):
    if raw:
        return
    after = snapshot(instance)
    before = getattr(instance, "_kp_audit_before", None)
    if created or before is None:
        record(instance, AuditAction.CREATE, {k: [None, v] for k, v in after.items() if v not in (None, "")})
        return
    changes = diff(before, after)
    if changes:
        record(instance, AuditAction.UPDATE, changes)


def _after_delete(sender, instance, **kwargs):
    record(instance, AuditAction.DELETE, {k: [v, None] for k, v in snapshot(instance).items() if v not in (None, "")})


def _m2m_changed(sender, instance, action, reverse, model, pk_set, **kwargs):
    # Only changes made from the tracked side (cluster.regions.set(...)) are recorded on the tracked object.
    if reverse or type(instance) not in _tracked:
        return
    field = next((f for f in instance._meta.many_to_many if f.remote_field.through is sender), None)
    if field is None or field.name in _tracked[type(instance)]:
        return
    if action.startswith("pre_"):
        instance.__dict__.setdefault("_kp_m2m_before", {})[field.name] = _current_ids(instance, field)
    elif action.startswith("post_"):
        before = instance.__dict__.get("_kp_m2m_before", {}).pop(field.name, None)
        after = _current_ids(instance, field)
        if before is not None and before != after:
            record(instance, AuditAction.UPDATE, {field.name: [before, after]})


def _current_ids(instance, field) -> list:
    return sorted(getattr(instance, field.name).values_list("pk", flat=True))


def track(model: type, exclude: tuple[str, ...] = ()) -> None:
    """Record every create, change and delete of `model`; `exclude` names derived or noisy fields."""
    _tracked[model] = tuple(exclude)
    uid = f"kp_audit_{model._meta.label_lower}"
    pre_save.connect(_before_save, sender=model, dispatch_uid=uid)
    post_save.connect(_after_save, sender=model, dispatch_uid=uid)
    post_delete.connect(_after_delete, sender=model, dispatch_uid=uid)
    for field in model._meta.many_to_many:
        m2m_changed.connect(_m2m_changed, sender=field.remote_field.through, dispatch_uid=f"{uid}_{field.name}")


def is_tracked(model: type) -> bool:
    return model in _tracked


def tracked_models() -> list[type]:
    return list(_tracked)


def events_for(obj):
    return AuditEvent.objects.for_object(obj).select_related("actor", "content_type")


def parse_object_reference(reference: str):
    """ "registry.clusterorganisation:42" → (ContentType, "42"); ValueError when malformed or not tracked."""
    label, _sep, object_id = reference.partition(":")
    app_label, _dot, model_name = label.partition(".")
    if not (app_label and model_name and object_id):
        raise ValueError("Use app_label.model:id, e.g. registry.clusterorganisation:42")
    try:
        content_type = ContentType.objects.get_by_natural_key(app_label, model_name.lower())
    except ContentType.DoesNotExist:
        raise ValueError(f"Unknown object type {label!r}") from None
    model = content_type.model_class()
    if model not in _tracked:
        raise ValueError(f"{label!r} has no audit trail")
    try:  # events store the id as text: "042" or "abc" would silently match nothing, or break a lookup of the object
        object_id = str(model._meta.pk.to_python(object_id))
    except ValidationError:
        raise ValueError(f"{object_id!r} is not an id of {label!r}") from None
    return content_type, object_id


def object_reference(obj) -> str:
    return f"{obj._meta.label_lower}:{obj.pk}"


def audit_url(obj) -> str:
    """The history page of a tracked object."""
    return reverse("accounts:history", args=[object_reference(obj)])


def redact_object(obj, fields: tuple[str, ...] = ()) -> int:
    """Erase personal data from the trail of one object (GDPR): its name, and the values of `fields` (all fields
    when empty). Who did what, and when, stays."""
    events = AuditEvent.objects.for_object(obj)
    count = 0
    for event in events.only("pk", "changes"):
        changes = {
            name: ([REDACTED if v is not None else None for v in values] if not fields or name in fields else values)
            for name, values in event.changes.items()
        }
        count += AuditEvent.objects.filter(pk=event.pk)._redact(changes=changes, object_repr=REDACTED)
    return count
