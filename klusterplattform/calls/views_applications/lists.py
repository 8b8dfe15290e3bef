"""The applications to a call: officers see all of them (filtered by status and region, paged), everyone else
the ones they may see (a cluster manager their own cluster's)."""

from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch
from django.shortcuts import render

from klusterplattform.core.permissions import check
from klusterplattform.registry.views.paging import paginate

from ..forms_applications import ApplicationFilterForm
from ..models import Application, Endorsement
from .common import url_or_none, visible_call


def listed_applications(request, call):
    """The list's filter form and the applications to the call the user may see: the page and its export
    (views_list_exports.py) share this one query."""
    visible = Application.objects.visible_to(request.user).filter(call=call).values("pk")
    applications = (
        Application.objects.filter(pk__in=visible).select_related("cluster").order_by("cluster__sort_name", "pk")
    )
    filters = ApplicationFilterForm(request.GET or None)
    if filters.is_valid():
        if filters.cleaned_data["status"]:
            applications = applications.filter(status=filters.cleaned_data["status"])
        if filters.cleaned_data["region"]:
            applications = applications.filter(regions=filters.cleaned_data["region"])
    applications = applications.prefetch_related(
        "regions", Prefetch("endorsements", queryset=Endorsement.objects.select_related("region"))
    )
    return filters, applications


@login_required
def call_applications(request, slug):
    call = visible_call(request, slug)
    filters, applications = listed_applications(request, call)
    page = paginate(request, applications)
    officer = bool(check(request.user, "application.manage"))
    context = {
        "call": call,
        "filters": filters,
        "page": page,
        "officer": officer,
        "call_url": url_or_none("calls:call", call.slug),
        "start_url": url_or_none("calls:application_start", call.slug),
    }
    return render(request, "calls/application_list.html", context)
