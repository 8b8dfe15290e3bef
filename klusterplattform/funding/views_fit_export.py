"""A cluster's "calls for you" as CSV or XLSX (finansiering/kluster/<slug>/export.<format>): every call the page
lists under its filters (not one page), best fit first, with the fit in per cent, eligibility and the reasons as
text. The page's rule holds: a cluster the user cannot see is a 404, one they see but may not view the fit of a 403."""

from django.contrib.auth.decorators import login_required
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from klusterplattform.core.exports import Column, list_export, yes_no
from klusterplattform.registry.views.cluster_edit import cluster_for

from .choices import CallStatus
from .views_fit import MAY_NOT_FIT, listed_fits, local_deadline, next_deadlines


def _reasons(fit, positive) -> str:
    return "; ".join(reason.text for reason in fit.reasons if reason.positive is positive)


def columns(request) -> list[Column]:
    return [
        Column(_("Call"), lambda r: r["fit"].call.identifier),
        Column(_("Title"), lambda r: r["fit"].call.title),
        Column(_("Programme"), lambda r: r["fit"].call.programme),
        Column(_("Status"), lambda r: str(CallStatus(r["fit"].status).label)),
        Column(_("Fit (%)"), lambda r: None if r["fit"].percentage is None else round(r["fit"].percentage)),
        Column(_("Eligible as far as we can tell"), lambda r: yes_no(r["fit"].eligible)),
        Column(_("For"), lambda r: _reasons(r["fit"], True)),
        Column(_("Against"), lambda r: _reasons(r["fit"], False)),
        Column(_("Notes"), lambda r: _reasons(r["fit"], None)),
        Column(_("Next deadline"), lambda r: f"{r['local']:%Y-%m-%d %H:%M}" if r["local"] else None),
        Column(_("Time zone"), lambda r: r["zone"]),
        Column(_("Bookmarked"), lambda r: yes_no(r["interest"] and r["interest"].bookmarked)),
        Column(_("We intend to apply"), lambda r: yes_no(r["interest"] and r["interest"].intends_to_apply)),
        Column(_("Page"), lambda r: request.build_absolute_uri(r["fit"].call.get_absolute_url())),
    ]


@login_required
def fit_export(request, slug, file_format):
    cluster, refused = cluster_for(request, slug, "funding.fit", MAY_NOT_FIT)
    if refused:
        return refused
    now = timezone.now()
    _filters, interests, fits = listed_fits(request, cluster, now)
    deadlines = next_deadlines([fit.call_id for fit in fits], now)
    rows = []
    for fit in fits:
        deadline = deadlines.get(fit.call_id)
        local, zone = local_deadline(deadline.at, deadline.time_zone) if deadline else (None, "")
        rows.append({"fit": fit, "interest": interests.get(fit.call_id), "local": local, "zone": zone})
    return list_export(file_format, f"finansiering-{cluster.slug}", columns(request), rows)
