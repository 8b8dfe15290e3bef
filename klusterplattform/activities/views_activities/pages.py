"""The activity list and page, and creating, changing and deleting an activity (officers)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from klusterplattform.core.permissions import check
from klusterplattform.registry.models import Programme
from klusterplattform.registry.views.paging import paginate

from .. import feedback, registrations
from ..choices import RegistrationStatus
from ..forms_activities import ActivityFilterForm, ActivityForm, RegistrationForm
from ..models import Activity
from ..permissions import registration_visibility_filter
from .common import (
    calendar_url,
    is_participant,
    may_download,
    may_manage,
    refuse,
    registrable_clusters,
    visible_activity,
)


def listed_activities(request):
    """The list's filter form and its activities: the page and its export (exports.py) share this one query."""
    filters = ActivityFilterForm(request.GET or None, user=request.user)
    activities = filters.apply(Activity.objects.visible_to(request.user).select_related("programme"))
    activities = activities.annotate(
        confirmed=Count("registrations", filter=Q(registrations__status=RegistrationStatus.CONFIRMED))
    )
    return filters, activities


def activity_list(request):
    filters, activities = listed_activities(request)
    page = paginate(request, activities)
    context = {"filters": filters, "page": page, "may_create": check(request.user, "activity.manage").allowed}
    return render(request, "activities/activity_list.html", context)


def activity_detail(request, pk):
    activity = visible_activity(request, pk)
    user = request.user
    now = timezone.now()
    manager = may_manage(user, activity)
    participant = is_participant(user, activity) if user.is_authenticated else False
    documents = [
        document
        for document in activity.documents.all()
        if may_download(user, document, participant=participant, manager=manager)
    ]
    for document in documents:
        document.activity = activity  # the download link needs no query per row
    clusters = registrable_clusters(user, activity)
    visible = activity.registrations.filter(registration_visibility_filter(user)).select_related("cluster")
    rows = list(visible.order_by("queued_at", "pk")) if user.is_authenticated else []
    positions = {}
    if any(row.status == RegistrationStatus.WAITING for row in rows):
        queue = activity.registrations.filter(status=RegistrationStatus.WAITING).order_by("queued_at", "pk")
        positions = {pk_: number for number, pk_ in enumerate(queue.values_list("pk", flat=True), start=1)}
    for row in rows:
        row.position = positions.get(row.pk)
        row.may_cancel = row.status != RegistrationStatus.CANCELLED and now < activity.starts_at
    seats = registrations.seats(activity)
    context = {
        "activity": activity,
        "seats": seats,
        "documents": documents,
        "registrations": rows,
        "may_manage": manager,
        "registration_open": activity.registration_open(now),
        "has_started": now >= activity.starts_at,
        "register_clusters": clusters,
        "form": RegistrationForm(clusters=clusters) if clusters and activity.registration_open(now) else None,
        "calendar_url": calendar_url(activity),
        "calendar_available": calendar_url(activity) is not None,
    }
    if manager:
        attended = [row for row in rows if row.status == RegistrationStatus.CONFIRMED and row.attended]
        context["attendance"] = {"people": len(attended), "clusters": len({row.cluster_id for row in attended})}
    if check(user, "activity.feedback_results", activity):
        context["feedback"] = feedback.results(activity)
        context["may_see_feedback"] = True
    return render(request, "activities/activity_detail.html", context)


def _programme_from(request):
    slug = request.GET.get("programme")
    if not slug or "\x00" in slug:
        return None
    return Programme.objects.filter(slug=slug).first()


@login_required
def activity_create(request):
    if not check(request.user, "activity.manage"):
        return refuse(request, _("Only programme officers create activities."))
    form = ActivityForm(request.POST or None, programme=_programme_from(request))
    if request.method == "POST" and form.is_valid():
        activity = form.save(commit=False)
        try:
            registrations.save_activity(activity, by=request.user, save_related=form.save_m2m)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The activity is saved."))
            return redirect(activity)
    return render(request, "activities/activity_form.html", {"form": form, "activity": None})


@login_required
def activity_edit(request, pk):
    activity = visible_activity(request, pk)
    if not may_manage(request.user, activity):
        return refuse(request, _("Only programme officers change activities."))
    form = ActivityForm(request.POST or None, instance=activity)
    if request.method == "POST" and form.is_valid():
        changed = form.save(commit=False)
        try:
            promoted = registrations.save_activity(changed, by=request.user, save_related=form.save_m2m)
        except ValidationError as error:
            form.add_error(None, error)
        except PermissionDenied:
            return refuse(request, _("Only programme officers change activities."))
        else:
            messages.success(request, _("The activity is saved."))
            if promoted:
                messages.info(
                    request,
                    _("%(count)s people moved up from the waiting list into the new seats.") % {"count": len(promoted)},
                )
            return redirect(changed)
        activity = get_object_or_404(Activity.objects.select_related("programme"), pk=pk)
    return render(request, "activities/activity_form.html", {"form": form, "activity": activity})


@login_required
def activity_delete(request, pk):
    activity = visible_activity(request, pk)
    if not may_manage(request.user, activity):
        return refuse(request, _("Only programme officers delete activities."))
    has_registrations = activity.registrations.exists()
    if request.method == "POST" and not has_registrations:
        stored = [document.file for document in activity.documents.all() if document.file]
        activity.delete()
        for file in stored:  # the rows are gone with the activity; their files go too
            file.storage.delete(file.name)
        messages.success(request, _("The activity is deleted."))
        return redirect("activities:activities")
    return render(
        request, "activities/activity_delete.html", {"activity": activity, "has_registrations": has_registrations}
    )
