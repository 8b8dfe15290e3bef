"""Calendar feeds (iCalendar) and the page that lists a user's feed addresses.

Calendar programs cannot sign in, so:
- the programme feed is public and lists only published activities of a published programme;
- a cluster's feed is reached by the secret token of its CalendarFeed, which the cluster's managers can replace
  (the old address then answers 404);
- one activity's .ics follows activity.view; a participant's own .ics is reached by their registration's token.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from klusterplattform.core.ical import ics_response
from klusterplattform.core.permissions import check, scope_ids
from klusterplattform.registry.choices import ParticipationStatus
from klusterplattform.registry.models import Programme, ProgrammeParticipation

from . import calendar
from .choices import RegistrationStatus
from .models import Activity, CalendarFeed, Registration
from .models.activities import calendar_token
from .models.registrations import ACTIVE
from .permissions import participating_cluster_ids
from .views_feedback import visible_activity


def programme_feed(request, slug):
    programme = get_object_or_404(Programme, slug=slug, is_published=True)
    activities = programme.activities.filter(is_published=True).select_related("programme").order_by("starts_at", "pk")
    body = calendar.activities_calendar(programme.name, activities, request=request)
    return ics_response(body, f"{programme.slug}.ics")


def cluster_activities(feed: CalendarFeed):
    """The programme's published activities and those the cluster has people registered for, with the numbers of
    its confirmed and waiting registrations per activity (two queries)."""
    own = Registration.objects.filter(cluster=feed.cluster, activity__programme=feed.programme, status__in=ACTIVE)
    activities = (
        Activity.objects.filter(programme=feed.programme)
        .filter(Q(is_published=True) | Q(pk__in=own.values("activity_id")))
        .select_related("programme")
        .order_by("starts_at", "pk")
    )
    counts: dict[int, dict[str, int]] = {}
    for row in own.values("activity_id", "status").annotate(n=Count("pk")):
        counts.setdefault(row["activity_id"], {})[row["status"]] = row["n"]
    notes = {
        pk: calendar.registrations_note(
            numbers.get(RegistrationStatus.CONFIRMED, 0), numbers.get(RegistrationStatus.WAITING, 0)
        )
        for pk, numbers in counts.items()
    }
    return activities, notes


def cluster_feed(request, token):
    feed = get_object_or_404(
        CalendarFeed.objects.select_related("programme", "cluster"), token=token, cluster__isnull=False
    )
    if feed.cluster_id not in participating_cluster_ids(feed.programme):  # withdrew: the feed ends with it
        raise Http404
    activities, notes = cluster_activities(feed)
    name = f"{feed.programme.name} – {feed.cluster.name}"
    body = calendar.activities_calendar(name, activities, request=request, notes=notes)
    return ics_response(body, f"{feed.programme.slug}-{feed.cluster.slug}.ics")


def activity_ics(request, pk):
    activity = visible_activity(request.user, pk)
    body = calendar.activities_calendar(activity.title, [activity], request=request)
    return ics_response(body, f"aktivitet-{activity.pk}.ics", attachment=True)


def registration_ics(request, token):
    """The participant's own link (in their reminder e-mail): works without an account while they are registered."""
    registration = get_object_or_404(
        Registration.objects.select_related("activity__programme"), token=token, status__in=ACTIVE
    )
    activity = registration.activity
    body = calendar.activities_calendar(activity.title, [activity], request=request)
    return ics_response(body, f"aktivitet-{activity.pk}.ics", attachment=True)


def managed_feeds(user) -> list[CalendarFeed]:
    """The token feeds of the clusters the user manages, one per programme each takes part in (created here the
    first time they are asked for)."""
    cluster_ids = scope_ids(user, "cluster_manager", "cluster_id")
    participations = (
        ProgrammeParticipation.objects.filter(cluster_id__in=cluster_ids)
        .exclude(status=ParticipationStatus.WITHDRAWN)
        .select_related("programme", "cluster")
        .order_by("cluster__name", "programme__slug")
    )
    existing = {
        (feed.programme_id, feed.cluster_id): feed for feed in CalendarFeed.objects.filter(cluster_id__in=cluster_ids)
    }
    feeds = []
    for participation in participations:
        feed = existing.get((participation.programme_id, participation.cluster_id))
        if feed is None:
            feed, _created = CalendarFeed.objects.get_or_create(
                programme=participation.programme, cluster=participation.cluster
            )
        feed.programme, feed.cluster = participation.programme, participation.cluster
        feeds.append(feed)
    return feeds


@login_required
def feeds_page(request):
    feeds = managed_feeds(request.user)
    for feed in feeds:
        feed.url = request.build_absolute_uri(reverse("activities:cluster_feed", args=[feed.token]))
    programmes = list(Programme.objects.filter(is_published=True).order_by("is_demo", "slug"))
    for programme in programmes:
        programme.feed_url = request.build_absolute_uri(reverse("activities:programme_feed", args=[programme.slug]))
    context = {"feeds": feeds, "programmes": programmes}
    return render(request, "activities/calendar_feeds.html", context)


@login_required
@require_POST
def replace_feed(request, pk):
    """A new secret for a cluster's feed; the old address stops working at once."""
    feed = get_object_or_404(CalendarFeed.objects.select_related("cluster", "programme"), pk=pk, cluster__isnull=False)
    if not check(request.user, "activity.register", feed.cluster):
        raise Http404
    feed.token = calendar_token()
    feed.save(update_fields=["token"])
    messages.success(
        request,
        _("The calendar link of %(cluster)s for %(programme)s has been replaced. The old link no longer works.")
        % {"cluster": feed.cluster.name, "programme": feed.programme.name},
    )
    return redirect("activities:calendar_feeds")
