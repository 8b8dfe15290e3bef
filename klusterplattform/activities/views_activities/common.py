"""What the activity pages share: finding an activity the user may see (else 404), refusing (403), and who may
download which document."""

from django.db.models import Q
from django.shortcuts import get_object_or_404, render
from django.urls import NoReverseMatch, reverse

from klusterplattform.core import permissions as engine
from klusterplattform.core.permissions import Scope, check
from klusterplattform.registry.models import ClusterOrganisation

from ..choices import DocumentAccess, RegistrationStatus
from ..models import Activity
from ..permissions import participating_cluster_ids, programme_reach


def visible_activity(request, pk) -> Activity:
    """The activity if activity.view reaches it, else 404 (it does not exist for the user)."""
    activities = Activity.objects.visible_to(request.user).select_related("programme")
    return get_object_or_404(activities, pk=pk)


def refuse(request, explanation, status=403):
    return render(request, "403.html", {"explanation": explanation}, status=status)


def may_manage(user, activity) -> bool:
    return bool(check(user, "activity.manage", activity))


def is_participant(user, activity) -> bool:
    """Signed in and reached through a participating cluster or its region (not merely because the activity is
    public), an officer, or registered for the activity with the account's e-mail address."""
    if not getattr(user, "is_authenticated", False):
        return False
    if may_manage(user, activity):
        return True
    facts = None
    for held, scope in engine.allowed_scopes(user, "activity.view"):
        if scope == Scope.ALL:
            return True
        if scope in (Scope.OWN_CLUSTER, Scope.OWN_REGION):
            facts = facts or programme_reach(activity.programme, False)
            if scope == Scope.OWN_CLUSTER and held.cluster_id in facts.cluster_ids:
                return True
            if scope == Scope.OWN_REGION and held.region_id in facts.region_ids:
                return True
    return activity.registrations.filter(
        email__iexact=user.email, status__in=[RegistrationStatus.CONFIRMED, RegistrationStatus.WAITING]
    ).exists()


def may_download(user, document, *, participant=None, manager=None) -> bool:
    activity = document.activity
    if document.access == DocumentAccess.PUBLIC:
        return True  # the caller has already found the activity visible
    if document.access == DocumentAccess.OFFICERS:
        return may_manage(user, activity) if manager is None else manager
    return is_participant(user, activity) if participant is None else participant


def registrable_clusters(user, activity) -> list[ClusterOrganisation]:
    """The participating clusters the user may register people of (officers: all of them)."""
    if not getattr(user, "is_authenticated", False):
        return []
    reach = engine.filter_for(user, "activity.register", {Scope.OWN_CLUSTER: lambda ids: Q(pk__in=ids)})
    clusters = ClusterOrganisation.objects.filter(reach, pk__in=participating_cluster_ids(activity.programme))
    return list(clusters.order_by("sort_name", "pk"))


def calendar_url(activity) -> str | None:
    """The .ics download, when the calendar routes are installed (they live in urls_calendar.py)."""
    try:
        return reverse("activities:activity_ics", args=[activity.pk])
    except NoReverseMatch:
        return None
