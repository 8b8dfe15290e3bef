"""The activities API: activities (read by activity.view, written by officers) and registrations.

An activity the caller may not see is a 404, as an unknown one is. Writes need a token or a signed-in session (401
without); a caller who sees the activity but may not do the write gets 403. Invalid input is a 422 listing each
field, and nothing is saved: an activity is validated by the same form as on the pages, registrations by the same
service (activities/registrations.py), so a batch of people is all or nothing.

Times: `starts_at`, `ends_at` and `registration_deadline` are answered in UTC, with `local_start`/`local_end` in the
activity's `time_zone`. Sent without an offset they are read as local time in `time_zone`; with one, as given.
"""

import datetime
import zoneinfo

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from ninja import Query, Router, Status

from klusterplattform.accounts.api import FieldErrorsOut
from klusterplattform.accounts.api_auth import api_user, token_or_session
from klusterplattform.core.paging import page_envelope, page_request, total_count
from klusterplattform.core.permissions import check
from klusterplattform.registry.api.cluster_edit import field_errors
from klusterplattform.registry.api.common import in_request_language
from klusterplattform.registry.api.schemas import ErrorOut
from klusterplattform.registry.models import ClusterOrganisation, Programme

from .. import registrations
from ..choices import RegistrationStatus
from ..forms_activities import ActivityForm
from ..models import Activity, FocusArea, Registration
from ..permissions import registration_visibility_filter
from .activity_schemas import (
    ActivityIn,
    ActivityOut,
    ActivityPage,
    ActivityPatchIn,
    ActivityQuery,
    RegistrationIn,
    RegistrationOut,
)

router = Router(tags=["activities"])

MAY_NOT_MANAGE = _("Only programme officers create and change activities.")
MAY_NOT_SEE_REGISTRATIONS = _("Only programme officers and managers of participating clusters see registrations.")
STATE_CONFLICT = 409


def activity_data(request, activity: Activity, counts: dict | None = None) -> dict:
    confirmed = counts["confirmed"] if counts else activity.confirmed
    waiting = counts["waiting"] if counts else activity.waiting
    return {
        "id": activity.pk,
        "programme": activity.programme.slug,
        "type": activity.type,
        "focus_areas": [area.code for area in activity.focus_areas.all()],
        "title": activity.title,
        **{name: getattr(activity, name) for name in ("title_sv", "title_en", "description_sv", "description_en")},
        "starts_at": activity.starts_at,
        "ends_at": activity.ends_at,
        "time_zone": activity.time_zone,
        "local_start": activity.local_start,
        "local_end": activity.local_end,
        "registration_deadline": activity.registration_deadline,
        "registration_open": activity.registration_open(),
        "place": activity.place,
        "online_url": activity.online_url,
        "capacity": activity.capacity,
        "confirmed": confirmed,
        "seats_left": None if activity.capacity is None else max(0, activity.capacity - confirmed),
        "waiting": waiting,
        "organiser": activity.organiser,
        "is_published": activity.is_published,
        "url": request.build_absolute_uri(activity.get_absolute_url()),
    }


def _listed(user):
    from django.db.models import Count, Q

    return (
        Activity.objects.visible_to(user)
        .select_related("programme")
        .prefetch_related("focus_areas")
        .annotate(
            confirmed=Count("registrations", filter=Q(registrations__status=RegistrationStatus.CONFIRMED)),
            waiting=Count("registrations", filter=Q(registrations__status=RegistrationStatus.WAITING)),
        )
    )


def _visible(user, activity_id: int) -> Activity:
    activity = _listed(user).filter(pk=activity_id).first()
    if activity is None:
        raise Http404
    return activity


@router.get("/activities", response={200: ActivityPage, 401: ErrorOut}, summary="Activities")
@in_request_language
def list_activities(request, filters: Query[ActivityQuery]):
    """Activities the caller may see (published ones of published programmes for everyone), by start."""
    activities = _listed(api_user(request))
    if filters.programme:
        activities = activities.filter(programme__slug=filters.programme.replace("\x00", ""))
    if filters.type:
        activities = activities.filter(type=filters.type.value)
    if filters.focus_area:
        activities = activities.filter(focus_areas__code=filters.focus_area.replace("\x00", "")).distinct()
    if filters.starts_from:
        activities = activities.filter(ends_at__date__gte=filters.starts_from)
    if filters.starts_to:
        activities = activities.filter(starts_at__date__lte=filters.starts_to)
    activities = activities.order_by("starts_at", "pk")
    paging = page_request(filters.page, filters.page_size)
    rows = list(activities[paging.offset : paging.offset + paging.size])
    results = [activity_data(request, activity) for activity in rows]
    return page_envelope(total_count(activities, paging, len(rows)), paging, results)


@router.get(
    "/activities/{activity_id}", response={200: ActivityOut, 401: ErrorOut, 404: ErrorOut}, summary="An activity"
)
@in_request_language
def get_activity(request, activity_id: int):
    return activity_data(request, _visible(api_user(request), activity_id))


def _form_data(activity: Activity | None, changes: dict) -> tuple[dict, dict]:
    """The page form's data: the activity's current values, overlaid with the changes sent."""
    data = {}
    if activity is not None:
        data = {
            "programme": activity.programme_id,
            "type": activity.type,
            "focus_areas": list(activity.focus_areas.values_list("pk", flat=True)),
            **{
                name: getattr(activity, name)
                for name in ("title_sv", "title_en", "description_sv", "description_en", "place", "online_url")
            },
            "organiser": activity.organiser,
            "time_zone": activity.time_zone,
            "capacity": activity.capacity,
            "is_published": activity.is_published,
        }
        for name in ("starts_at", "ends_at", "registration_deadline"):
            data[name] = getattr(activity, name)
    else:
        data["is_published"] = True
    errors = {}
    for name, value in changes.items():
        if name == "programme":
            programme = None if "\x00" in value else Programme.objects.filter(slug=value).first()
            if programme is None:
                errors["programme"] = [str(_("There is no programme with this slug."))]
            data["programme"] = programme.pk if programme else None
        elif name == "focus_areas":
            data["focus_areas"] = value
        elif name == "type":
            data["type"] = value.value if value is not None else None
        else:
            data[name] = value
    zone_name = data.get("time_zone") or "Europe/Stockholm"
    if zone_name not in zoneinfo.available_timezones():
        errors["time_zone"] = [
            str(_("%(zone)s is not a known time zone (for example Europe/Stockholm).") % {"zone": zone_name})
        ]
        zone_name = "UTC"
    data["time_zone"] = data.get("time_zone") or "Europe/Stockholm"
    zone = zoneinfo.ZoneInfo(zone_name)
    for name in ("starts_at", "ends_at", "registration_deadline"):
        value = data.get(name)
        if isinstance(value, datetime.datetime):
            local = value if timezone.is_naive(value) else value.astimezone(zone)
            data[name] = local.replace(tzinfo=None).strftime("%Y-%m-%dT%H:%M:%S")
        elif value is None:
            data[name] = ""
    if "focus_areas" in changes:
        codes = changes["focus_areas"] or []
        programme = Programme.objects.filter(pk=data.get("programme")).first()
        areas = FocusArea.objects.for_programme(programme) if programme else FocusArea.objects.none()
        found = dict(areas.filter(code__in=codes).values_list("code", "pk"))
        unknown = [code for code in codes if code not in found]
        if unknown:
            errors["focus_areas"] = [
                str(_("Not a focus area of this programme: %(areas)s.") % {"areas": ", ".join(unknown)})
            ]
        data["focus_areas"] = list(found.values())
    for name in ("capacity",):
        if data.get(name) is None:
            data[name] = ""
    if not data.get("is_published"):
        data.pop("is_published", None)
    for name in ("place", "online_url", "organiser", "description_sv", "description_en"):
        data.setdefault(name, "")
    return data, errors


def _save(request, activity: Activity | None, changes: dict):
    user = request.auth
    data, errors = _form_data(activity, changes)
    if errors:
        return Status(422, field_errors(ValidationError(errors)))
    form = ActivityForm(data, instance=activity)
    if not form.is_valid():
        return Status(422, field_errors(ValidationError(form.errors.as_data())))
    changed = form.save(commit=False)
    try:
        registrations.save_activity(changed, by=user, save_related=form.save_m2m)
    except PermissionDenied:
        return Status(403, {"detail": str(MAY_NOT_MANAGE)})
    except ValidationError as error:
        return Status(422, field_errors(error))
    return _visible(user, changed.pk)


WRITE = {400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: FieldErrorsOut}


@router.post("/activities", auth=token_or_session, response={201: ActivityOut, **WRITE}, summary="Create an activity")
@in_request_language
def create_activity(request, payload: ActivityIn):
    """Programme officers. 422 lists each invalid field (end before start, a deadline after the end, an unknown time
    zone, neither place nor online link, a focus area of another programme); nothing is saved."""
    if not check(request.auth, "activity.manage"):
        return Status(403, {"detail": str(MAY_NOT_MANAGE)})
    result = _save(request, None, payload.model_dump(exclude_unset=True))
    if isinstance(result, Status):
        return result
    return Status(201, activity_data(request, result))


@router.patch(
    "/activities/{activity_id}",
    auth=token_or_session,
    response={200: ActivityOut, **WRITE},
    summary="Change an activity",
)
@in_request_language
def patch_activity(request, activity_id: int, payload: ActivityPatchIn):
    """Change only the fields sent (programme officers). A capacity below the seats already confirmed is a 422; a
    raised capacity moves people up from the waiting list."""
    activity = _visible(request.auth, activity_id)
    if not check(request.auth, "activity.manage", activity):
        return Status(403, {"detail": str(MAY_NOT_MANAGE)})
    changes = payload.model_dump(exclude_unset=True)
    if "programme" in changes and changes["programme"] != activity.programme.slug and activity.registrations.exists():
        error = ValidationError({"programme": _("The programme cannot change once people have registered.")})
        return Status(422, field_errors(error))
    result = _save(request, activity, changes)
    if isinstance(result, Status):
        return result
    return activity_data(request, result)


def registration_data(registration: Registration, positions: dict) -> dict:
    fields = ("id", "name", "email", "status", "queued_at", "promoted_at", "cancelled_at", "attended")
    return {
        **{name: getattr(registration, name) for name in fields},
        "cluster": registration.cluster.slug,
        "position": positions.get(registration.pk),
    }


def _positions(activity) -> dict:
    queue = activity.registrations.filter(status=RegistrationStatus.WAITING).order_by("queued_at", "pk")
    return {pk: number for number, pk in enumerate(queue.values_list("pk", flat=True), start=1)}


REGISTRATIONS_READ = {200: list[RegistrationOut], 401: ErrorOut, 403: ErrorOut, 404: ErrorOut}


@router.get(
    "/activities/{activity_id}/registrations",
    auth=token_or_session,
    response=REGISTRATIONS_READ,
    summary="Registrations for an activity",
)
@in_request_language
def list_registrations(request, activity_id: int):
    """Officers see all; a cluster manager sees their own clusters' registrations, in queue order."""
    activity = _visible(request.auth, activity_id)
    if not check(request.auth, "activity.register"):
        return Status(403, {"detail": str(MAY_NOT_SEE_REGISTRATIONS)})
    rows = activity.registrations.filter(registration_visibility_filter(request.auth)).select_related("cluster")
    positions = _positions(activity)
    return [registration_data(registration, positions) for registration in rows.order_by("queued_at", "pk")]


@router.post(
    "/activities/{activity_id}/registrations",
    auth=token_or_session,
    response={201: list[RegistrationOut], **WRITE},
    summary="Register people of a cluster",
)
@in_request_language
def create_registrations(request, activity_id: int, payload: RegistrationIn):
    """Each person gets a confirmed seat while there are seats left, a place on the waiting list after. 404: the
    activity or the cluster is not visible to the caller; 403: the caller may not register people of the cluster, or
    it does not take part in the programme; 422: registration has closed, an e-mail is malformed or already
    registered — and then nobody is registered."""
    activity = _visible(request.auth, activity_id)
    clusters = ClusterOrganisation.objects.visible_to(request.auth).prefetch_related("regions")
    cluster = None if "\x00" in payload.cluster else clusters.filter(slug=payload.cluster).first()
    if cluster is None:
        raise Http404
    people = [(person.name, person.email) for person in payload.people]
    try:
        created = registrations.register(activity, cluster, people, by=request.auth)
    except PermissionDenied as refused:
        return Status(403, {"detail": str(refused)})
    except ValidationError as error:
        return Status(422, field_errors(error))
    positions = _positions(activity)
    for registration in created:
        registration.cluster = cluster
    return Status(201, [registration_data(registration, positions) for registration in created])


@router.delete(
    "/activities/{activity_id}/registrations/{registration_id}",
    auth=token_or_session,
    response={200: RegistrationOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut},
    summary="Cancel a registration",
)
@in_request_language
def cancel_registration(request, activity_id: int, registration_id: int):
    """The registration becomes cancelled and the freed seat goes to the first on the waiting list. 404: not one of
    the caller's registrations; 409: already cancelled, or the activity has started."""
    activity = _visible(request.auth, activity_id)
    visible = activity.registrations.filter(registration_visibility_filter(request.auth)).select_related("cluster")
    registration = visible.filter(pk=registration_id).first()
    if registration is None:
        raise Http404
    try:
        registrations.cancel(registration, by=request.auth)
    except PermissionDenied as refused:
        return Status(403, {"detail": str(refused)})
    except ValidationError as error:
        return Status(STATE_CONFLICT, {"detail": " ".join(error.messages)})
    registration.refresh_from_db()
    return registration_data(registration, {})
