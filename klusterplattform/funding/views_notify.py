"""Calendar feeds of funding deadlines and the weekly digest's opt-in/out page.

Calendar programs cannot sign in, so:
- the all-calls feed is public: the deadlines of every published, real call that has not closed;
- a cluster's feed (its bookmarked calls and those it intends to apply to) is reached by the secret token of its
  FundingCalendarFeed, shown on the feeds page to whoever may see the cluster's bookmarks (funding.fit); its managers
  and officers can replace the token, and the old address then answers 404;
- one call's .ics follows funding.view, like the call page.
"""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from klusterplattform.core import permissions as engine
from klusterplattform.core.ical import ics_response
from klusterplattform.core.roles import Role
from klusterplattform.registry.models import ClusterOrganisation

from . import calendar, digest
from .models import DigestPreference, FundingCalendarFeed, FundingCall
from .models.tracking import feed_token
from .permissions import can

TRACKED = Q(bookmarked=True) | Q(intends_to_apply=True)


def feed_all(request):
    calls = (
        FundingCall.objects.filter(is_published=True, is_demo=False)
        .not_closed()
        .prefetch_related("deadlines")
        .order_by("closes_at", "identifier")
    )
    body = calendar.deadlines_calendar(_("Funding calls: deadlines"), calls, request=request)
    return ics_response(body, "finansiering.ics")


def tracked_calls(cluster):
    """The published calls a cluster has bookmarked or intends to apply to (real calls only, unless the cluster is
    a demo cluster), closed ones too: a deadline that has passed stays in the calendar."""
    calls = FundingCall.objects.filter(
        is_published=True, pk__in=cluster.funding_interests.filter(TRACKED).values("call_id")
    )
    if not cluster.is_demo:
        calls = calls.filter(is_demo=False)
    return calls.prefetch_related("deadlines").order_by("closes_at", "identifier")


def feed_cluster(request, token):
    feed = get_object_or_404(FundingCalendarFeed.objects.select_related("cluster"), token=token)
    name = _("%(cluster)s: bookmarked funding calls") % {"cluster": feed.cluster.name}
    body = calendar.deadlines_calendar(name, tracked_calls(feed.cluster), request=request)
    return ics_response(body, f"finansiering-{feed.cluster.slug}.ics")


def call_ics(request, identifier):
    call = get_object_or_404(
        FundingCall.objects.visible_to(request.user).prefetch_related("deadlines"), identifier=identifier
    )
    body = calendar.deadlines_calendar(call.identifier, [call], request=request)
    filename = "".join(c if c.isalnum() or c in "-_." else "-" for c in call.identifier)
    return ics_response(body, f"{filename}.ics", attachment=True)


def may_replace(user, cluster) -> bool:
    return bool(can(user, "funding.track", cluster)) or engine.has_role(user, Role.OFFICER, Role.ADMIN)


def feed_clusters(user):
    """The clusters whose feed the user may see (funding.fit): those they manage, and those they reach that track
    at least one call (an officer is not shown every cluster of the country)."""
    reach = engine.filter_for(
        user,
        "funding.fit",
        {
            engine.Scope.OWN_CLUSTER: lambda ids: Q(pk__in=ids),
            engine.Scope.OWN_REGION: lambda ids: Q(regions__in=ids),
        },
    )
    managed = engine.scope_ids(user, Role.CLUSTER_MANAGER, "cluster_id")
    tracking = ClusterOrganisation.objects.filter(reach).filter(
        Q(funding_interests__bookmarked=True) | Q(funding_interests__intends_to_apply=True)
    )
    ids = set(tracking.values_list("pk", flat=True)) | managed
    return (
        ClusterOrganisation.objects.filter(pk__in=ids)
        .annotate(
            tracked=Count(
                "funding_interests",
                filter=Q(funding_interests__bookmarked=True) | Q(funding_interests__intends_to_apply=True),
            )
        )
        .prefetch_related("regions")
        .order_by("is_demo", "sort_name", "pk")
    )


@login_required
def feeds(request):
    clusters = list(feed_clusters(request.user))
    existing = {f.cluster_id: f for f in FundingCalendarFeed.objects.filter(cluster__in=clusters)}
    for cluster in clusters:
        feed = existing.get(cluster.pk)
        if feed is None:
            feed, _created = FundingCalendarFeed.objects.get_or_create(cluster=cluster)
        cluster.feed_url = request.build_absolute_uri(reverse("funding:feed_cluster", args=[feed.token]))
        cluster.may_replace = may_replace(request.user, cluster)
    context = {
        "clusters": clusters,
        "all_url": request.build_absolute_uri(reverse("funding:feed_all")),
    }
    return render(request, "funding/calendar_feeds.html", context)


@login_required
@require_POST
def feed_replace(request, slug):
    """A new secret for a cluster's feed; the old address stops working at once."""
    cluster = get_object_or_404(ClusterOrganisation, slug=slug)
    if not may_replace(request.user, cluster):
        raise Http404
    feed, created = FundingCalendarFeed.objects.get_or_create(cluster=cluster)
    if not created:
        feed.token = feed_token()
        feed.save(update_fields=["token"])
    messages.success(
        request,
        _("The calendar link of %(cluster)s has been replaced. The old link no longer works.")
        % {"cluster": cluster.name},
    )
    return redirect("funding:feeds")


class DigestForm(forms.Form):
    weekly_digest = forms.BooleanField(
        label=gettext_lazy("Send me the weekly digest of funding calls"),
        required=False,
        help_text=gettext_lazy(
            "Once a week: new calls that fit your cluster organisations, and deadlines within 30 days of the calls "
            "you have bookmarked or that fit. Nothing is sent in a week with nothing to tell."
        ),
    )


@login_required
def digest_preference(request):
    preference = DigestPreference.objects.filter(user=request.user).first()
    current = digest.wants_digest(preference)
    if request.method == "POST":
        form = DigestForm(request.POST)
        if form.is_valid():
            chosen = form.cleaned_data["weekly_digest"]
            DigestPreference.objects.update_or_create(user=request.user, defaults={"weekly_digest": chosen})
            if chosen:
                messages.success(request, _("You will receive the weekly digest of funding calls."))
            else:
                messages.success(request, _("You will no longer receive the weekly digest of funding calls."))
            return redirect("funding:digest")
    else:
        form = DigestForm(initial={"weekly_digest": current})
    clusters = list(digest.digest_clusters(request.user))
    context = {"form": form, "clusters": clusters, "receives": current and bool(clusters)}
    return render(request, "funding/digest_preference.html", context)
