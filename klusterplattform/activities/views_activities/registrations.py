"""Registering people of a cluster, cancelling a registration, and the officers' registration list: export,
attendance checkboxes and the attendance-list upload. The decisions are in ../registrations.py and
../attendance.py; these views only ask and show."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from klusterplattform.core.exports import FORMATS, Column, export_response

from .. import attendance, registrations
from ..choices import RegistrationStatus
from ..forms_activities import AttendanceUploadForm, RegistrationForm
from ..permissions import registration_visibility_filter
from .common import may_manage, refuse, registrable_clusters, visible_activity


def _done_message(created) -> str:
    confirmed = sum(1 for r in created if r.status == RegistrationStatus.CONFIRMED)
    waiting = len(created) - confirmed
    if not waiting:
        return _("%(count)s registered with a confirmed seat.") % {"count": confirmed}
    return _("%(confirmed)s registered with a confirmed seat, %(waiting)s on the waiting list.") % {
        "confirmed": confirmed,
        "waiting": waiting,
    }


@login_required
def registration_create(request, pk):
    activity = visible_activity(request, pk)
    clusters = registrable_clusters(request.user, activity)
    if not clusters:
        return refuse(
            request,
            _("Only managers of the cluster organisations taking part in the programme register people for it."),
        )
    if not activity.registration_open():
        return render(request, "activities/registration_closed.html", {"activity": activity}, status=200)
    form = RegistrationForm(request.POST if request.method == "POST" else None, clusters=clusters)
    if request.method == "POST" and form.is_valid():
        try:
            created = registrations.register(activity, form.cluster, form.cleaned_data["people"], by=request.user)
        except PermissionDenied as refused:
            return refuse(request, str(refused))
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _done_message(created))
            return redirect(activity)
    return render(request, "activities/registration_form.html", {"activity": activity, "form": form})


@login_required
def registration_cancel(request, pk, registration_id):
    activity = visible_activity(request, pk)
    visible = activity.registrations.filter(registration_visibility_filter(request.user)).select_related("cluster")
    registration = get_object_or_404(visible, pk=registration_id)
    if request.method == "POST":
        try:
            promoted = registrations.cancel(registration, by=request.user)
        except PermissionDenied:
            return refuse(request, _("You may not cancel this registration."))
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            text = _("The registration of %(name)s is cancelled.") % {"name": registration.name}
            if promoted:
                text += " " + _("%(count)s moved up from the waiting list.") % {"count": len(promoted)}
            messages.success(request, text)
        return redirect(activity)
    return render(
        request,
        "activities/registration_cancel.html",
        {"activity": activity, "registration": registration, "has_started": timezone.now() >= activity.starts_at},
    )


def export_columns() -> list[Column]:
    return [
        Column(_("Name"), lambda r: r.name),
        Column(_("E-mail"), lambda r: r.email),
        Column(_("Cluster organisation"), lambda r: r.cluster.name),
        Column(_("Status"), lambda r: r.get_status_display()),
        Column(_("Registered"), lambda r: timezone.localtime(r.queued_at).strftime("%Y-%m-%d %H:%M")),
        Column(
            _("Moved up from the waiting list"),
            lambda r: timezone.localtime(r.promoted_at).strftime("%Y-%m-%d %H:%M") if r.promoted_at else None,
        ),
        Column(_("Attended"), lambda r: {True: _("yes"), False: _("no")}.get(r.attended)),
    ]


@login_required
def registrations_export(request, pk, file_format):
    if file_format not in FORMATS:
        raise Http404
    activity = visible_activity(request, pk)
    if not may_manage(request.user, activity):
        return refuse(request, _("Only programme officers export the registration list."))
    rows = activity.registrations.select_related("cluster").order_by("status", "queued_at", "pk")
    return export_response(file_format, f"anmalningar-{activity.pk}", export_columns(), rows)


@login_required
def attendance_view(request, pk):
    activity = visible_activity(request, pk)
    if not may_manage(request.user, activity):
        return refuse(request, _("Only programme officers record attendance."))
    started = timezone.now() >= activity.starts_at
    confirmed = list(
        activity.registrations.filter(status=RegistrationStatus.CONFIRMED)
        .select_related("cluster")
        .order_by("cluster__sort_name", "name", "pk")
    )
    if request.method == "POST" and started:
        wanted = {int(value) for value in request.POST.getlist("attended") if value.isdigit()}
        changed = registrations.set_attendance(activity, wanted, by=request.user)
        messages.success(request, _("Attendance saved (%(count)s changed).") % {"count": changed})
        return redirect("activities:attendance", pk=activity.pk)
    context = {
        "activity": activity,
        "registrations": confirmed,
        "started": started,
        "upload_form": AttendanceUploadForm(),
        "summary": attendance.attendance(activity),
    }
    return render(request, "activities/registration_attendance.html", context)


@login_required
def attendance_upload(request, pk):
    activity = visible_activity(request, pk)
    if not may_manage(request.user, activity):
        return refuse(request, _("Only programme officers record attendance."))
    started = timezone.now() >= activity.starts_at
    form = AttendanceUploadForm(request.POST or None, request.FILES or None)
    problems = []
    if request.method == "POST" and started and form.is_valid():
        try:
            plan = attendance.plan_attendance(activity, attendance.read_table(form.cleaned_data["file"]))
        except ValidationError as error:
            problems = error.messages
        else:
            changed = attendance.apply_attendance(activity, plan, by=request.user)
            messages.success(
                request,
                _("Attendance list read: %(changed)s marked as attended, %(already)s were already marked.")
                % {"changed": changed, "already": len(plan.already)},
            )
            return redirect("activities:attendance", pk=activity.pk)
    context = {"activity": activity, "form": form, "problems": problems, "started": started}
    return render(request, "activities/registration_attendance_upload.html", context)
