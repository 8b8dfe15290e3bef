"""Pages of fit and tracking: "calls for you" of a cluster, the interest form (bookmark, intention, note, partners),
the bookmark button, and the officers' overview of which clusters intend to apply to what (with its export).

A cluster the user cannot see is a 404; one they see but may not act for is the refusal page (403). The same holds
for calls: an unpublished call the user may not see does not exist for them.
"""

import zoneinfo

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Count, OuterRef, Q, Subquery
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from klusterplattform.core.exports import FORMATS, Column, export_response
from klusterplattform.core.paging import page_count, page_request
from klusterplattform.core.text import fold
from klusterplattform.registry.views.cluster_edit import cluster_for
from klusterplattform.registry.views.paging import Page, paginate

from . import tracking
from .choices import BRUSSELS, CallStatus
from .fit import fit_for, score_calls
from .forms_tracking import INTENTION_SORTS, CallsForYouFilterForm, IntentionFilterForm, InterestForm, PartnerFormSet
from .models import FundingCall, FundingDeadline, FundingInterest
from .permissions import can, interest_visibility_filter

MAY_NOT_FIT = gettext_lazy(
    "Only the cluster organisation's own managers, the regional officers of its region and programme staff may see "
    "which funding calls fit it."
)
MAY_NOT_TRACK = gettext_lazy(
    "Only the cluster organisation's own managers bookmark funding calls for it, mark intentions and note partners."
)
MAY_NOT_SEE_INTENTIONS = gettext_lazy(
    "Only programme officers, and regional officers for the clusters of their region, see which clusters intend to "
    "apply to which calls."
)


def refuse(request, explanation):
    return render(request, "403.html", {"explanation": explanation}, status=403)


def visible_call(request, identifier) -> FundingCall:
    if "\x00" in identifier:
        raise Http404
    return get_object_or_404(FundingCall.objects.visible_to(request.user), identifier=identifier)


def local_deadline(at, zone_name):
    """(wall-clock time without zone, zone name) of a deadline, for `<time>` and the zone shown beside it."""
    if at is None:
        return None, ""
    zone_name = zone_name or BRUSSELS
    return timezone.localtime(at, zoneinfo.ZoneInfo(zone_name)).replace(tzinfo=None), zone_name


def page_of(request, items: list, param: str = "page") -> Page:
    """A page of a list already in memory, by the same rule as registry.views.paging.paginate."""
    wanted = page_request(request.GET.get(param))
    pages = page_count(len(items), wanted.size)
    number = min(wanted.page, pages)
    offset = (number - 1) * wanted.size
    return Page(
        items=items[offset : offset + wanted.size],
        total=len(items),
        number=number,
        page_count=pages,
        size=wanted.size,
        param=param,
    )


def next_deadlines(call_ids, now) -> dict[int, FundingDeadline]:
    """The next deadline ahead of each call, in one query."""
    ahead: dict[int, FundingDeadline] = {}
    for deadline in FundingDeadline.objects.filter(call_id__in=call_ids, at__gt=now).order_by("at", "stage"):
        ahead.setdefault(deadline.call_id, deadline)
    return ahead


def last_deadline_zone():
    """The time zone of the last deadline of the row's call (the call closes then), for an annotation."""
    return FundingDeadline.objects.filter(call=OuterRef("call")).order_by("-at").values("time_zone")[:1]


def filter_fits(fits, filters: CallsForYouFilterForm, interests: dict):
    min_fit = filters.value("min_fit")
    status = filters.value("status")
    tracked = filters.value("tracked")
    eligible = filters.value("eligible", False)
    kept = []
    for fit in fits:
        if min_fit is not None and (fit.percentage is None or fit.percentage < min_fit):
            continue
        if status and fit.status != status:
            continue
        if eligible and not fit.eligible:
            continue
        interest = interests.get(fit.call_id)
        if tracked == "bookmarked" and not (interest and interest.bookmarked):
            continue
        if tracked == "intending" and not (interest and interest.intends_to_apply):
            continue
        kept.append(fit)
    return kept


def listed_fits(request, cluster, now) -> tuple[CallsForYouFilterForm, dict, list]:
    """(filters, the cluster's bookmarks and intentions by call id, the scored calls under the filters, best first):
    the page and its export (views_fit_export.py) share this one way of listing."""
    filters = CallsForYouFilterForm(request.GET or None)
    interests = {
        i.call_id: i
        for i in FundingInterest.objects.filter(cluster=cluster)
        .filter(Q(bookmarked=True) | Q(intends_to_apply=True))
        .select_related("call")
        .annotate(partner_count=Count("partners"), closes_zone=Subquery(last_deadline_zone()))
        .order_by("call__closes_at", "call__identifier")
    }
    return filters, interests, filter_fits(score_calls(cluster, now=now), filters, interests)


@login_required
def calls_for_cluster(request, slug):
    cluster, refused = cluster_for(request, slug, "funding.fit", MAY_NOT_FIT)
    if refused:
        return refused
    now = timezone.now()
    filters, interests, fits = listed_fits(request, cluster, now)
    page = page_of(request, fits)
    deadlines = next_deadlines([fit.call_id for fit in page.items], now)
    rows = []
    for fit in page.items:
        deadline = deadlines.get(fit.call_id)
        local, zone = local_deadline(deadline.at, deadline.time_zone) if deadline else (None, "")
        rows.append(
            {"fit": fit, "interest": interests.get(fit.call_id), "deadline": deadline, "local": local, "zone": zone}
        )
    tracked = []
    for interest in interests.values():
        call = interest.call
        local, zone = local_deadline(call.closes_at, interest.closes_zone)
        tracked.append(
            {"interest": interest, "call": call, "status": call.status_at(now), "local": local, "zone": zone}
        )
    context = {
        "cluster": cluster,
        "filters": filters,
        "page": page,
        "rows": rows,
        "tracked": tracked,
        "may_track": tracking.may_track(request.user, cluster),
        "here": request.get_full_path(),
    }
    return render(request, "funding/calls_for_you.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def interest(request, slug, identifier):
    cluster, refused = cluster_for(request, slug, "funding.track", MAY_NOT_TRACK)
    if refused:
        return refused
    call = visible_call(request, identifier)
    existing = tracking.interest_of(cluster, call)
    initial = {"bookmarked": True}
    partners_initial = []
    if existing:
        initial = {
            "bookmarked": existing.bookmarked,
            "intends_to_apply": existing.intends_to_apply,
            "note": existing.note,
        }
        partners_initial = [
            {
                "name": p.name,
                "country": p.country,
                "partner_cluster": p.partner_cluster.slug if p.partner_cluster else "",
                "note": p.note,
            }
            for p in existing.partners.select_related("partner_cluster")
        ]
    posted = request.method == "POST"
    form = InterestForm(request.POST if posted else None, initial=initial)
    formset = PartnerFormSet(request.POST if posted else None, initial=partners_initial, prefix="partners")
    problems: list[str] = []
    if posted and form.is_valid() and formset.is_valid():
        try:
            tracking.save_interest(
                request.user,
                cluster,
                call,
                bookmarked=form.cleaned_data["bookmarked"],
                intends_to_apply=form.cleaned_data["intends_to_apply"],
                note=form.cleaned_data["note"],
                partners=formset.partners(),
            )
        except ValidationError as error:
            problems = list(error.messages)
        else:
            messages.success(
                request, _("Saved for %(cluster)s: %(call)s.") % {"cluster": cluster.name, "call": call.identifier}
            )
            return redirect(reverse("funding:for_cluster", args=[cluster.slug]))
    elif posted:
        problems = [_("Check the fields marked below.")]
    context = {
        "cluster": cluster,
        "call": call,
        "fit": fit_for(cluster, call),
        "form": form,
        "formset": formset,
        "problems": problems,
    }
    return render(request, "funding/interest_form.html", context, status=400 if problems else 200)


def _safe_next(request, fallback: str) -> str:
    target = request.POST.get("next") or ""
    if target and url_has_allowed_host_and_scheme(target, {request.get_host()}, require_https=request.is_secure()):
        return target
    return fallback


@require_POST
@login_required
def bookmark(request, slug, identifier):
    cluster, refused = cluster_for(request, slug, "funding.track", MAY_NOT_TRACK)
    if refused:
        return refused
    call = visible_call(request, identifier)
    if tracking.toggle_bookmark(request.user, cluster, call):
        messages.success(
            request, _("%(call)s is bookmarked for %(cluster)s.") % {"call": call.identifier, "cluster": cluster.name}
        )
    else:
        messages.success(
            request,
            _("The bookmark of %(call)s is removed for %(cluster)s.")
            % {"call": call.identifier, "cluster": cluster.name},
        )
    return redirect(_safe_next(request, reverse("funding:for_cluster", args=[cluster.slug])))


# ---------------------------------------------------------------------------------------------------------------
# Officers: who intends to apply to what


def intention_rows(user, filters: IntentionFilterForm):
    """The overview's rows (FundingInterest with call and cluster) the user may see, filtered and sorted."""
    visible = FundingInterest.objects.filter(interest_visibility_filter(user)).values("pk")
    rows = FundingInterest.objects.filter(pk__in=visible)
    kind = filters.value("kind")
    if kind == "intending":
        rows = rows.filter(intends_to_apply=True)
    elif kind == "bookmarked":
        rows = rows.filter(bookmarked=True)
    else:
        rows = rows.filter(Q(intends_to_apply=True) | Q(bookmarked=True))
    if filters.value("call"):
        rows = rows.filter(call__identifier__icontains=filters.value("call").strip())
    if filters.value("cluster"):
        term = filters.value("cluster").strip()
        rows = rows.filter(Q(cluster__search_text__contains=fold(term)) | Q(cluster__slug=term))
    if filters.value("open_only", False):
        rows = rows.filter(call__in=FundingCall.objects.not_closed())
    if not filters.value("demo", False):
        rows = rows.filter(cluster__is_demo=False, call__is_demo=False)
    return (
        rows.select_related("call", "cluster")
        .annotate(partner_count=Count("partners"), closes_zone=Subquery(last_deadline_zone()))
        .order_by(*INTENTION_SORTS[filters.value("sort", "deadline")])
    )


def _decorate(rows, now):
    for row in rows:
        row.status = row.call.status_at(now)
        row.local_closes, row.closes_zone = local_deadline(row.call.closes_at, row.closes_zone)
    return rows


@login_required
def intentions(request):
    if not can(request.user, "funding.intentions"):
        return refuse(request, MAY_NOT_SEE_INTENTIONS)
    filters = IntentionFilterForm(request.GET or None)
    page = paginate(request, intention_rows(request.user, filters))
    _decorate(page.items, timezone.now())
    query = request.GET.urlencode()
    context = {"filters": filters, "page": page, "query": query, "formats": list(FORMATS)}
    return render(request, "funding/intentions.html", context)


def yes_no(value: bool) -> str:
    return _("yes") if value else _("no")


def intention_columns() -> list[Column]:
    return [
        Column(_("Call"), lambda r: r.call.identifier),
        Column(_("Title"), lambda r: r.call.title),
        Column(_("Programme"), lambda r: r.call.programme),
        Column(_("Status"), lambda r: str(CallStatus(r.status).label)),
        Column(_("Closes"), lambda r: f"{r.local_closes:%Y-%m-%d %H:%M}" if r.local_closes else ""),
        Column(_("Time zone"), lambda r: r.closes_zone),
        Column(_("Cluster"), lambda r: r.cluster.name),
        Column(_("Cluster (address name)"), lambda r: r.cluster.slug),
        Column(_("Intends to apply"), lambda r: yes_no(r.intends_to_apply)),
        Column(_("Bookmarked"), lambda r: yes_no(r.bookmarked)),
        Column(_("Partners noted"), lambda r: r.partner_count),
        Column(_("Last changed"), lambda r: f"{timezone.localtime(r.updated_at):%Y-%m-%d %H:%M}"),
    ]


@login_required
def intentions_export(request, file_format):
    if file_format not in FORMATS:
        raise Http404
    if not can(request.user, "funding.intentions"):
        return refuse(request, MAY_NOT_SEE_INTENTIONS)
    filters = IntentionFilterForm(request.GET or None)
    rows = _decorate(list(intention_rows(request.user, filters)), timezone.now())
    return export_response(file_format, "finansiering-avsikter", intention_columns(), rows)
