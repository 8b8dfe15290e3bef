"""The match page's suggestions as CSV or XLSX (matchning/export.<format>): for the same subject and tab as the page
(cluster, post or described need), every ranked candidate up to the engine's limit (service.MAX_PAGE pages of
service.PER_PAGE) rather than one page, with its score and its reasons as text.

The page's rules hold: sign-in required, a subject the user cannot see is a 404, the member tab lists only the
organisations the user may see (an empty file for a user who may see none, as the page shows none) and names a
"via" cluster only when the user may see it. Without a subject there is no list: a 404."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.utils.translation import gettext as gettext_now
from django.utils.translation import gettext_lazy as _

from klusterplattform.core.exports import Column, list_export, yes_no

from . import match_subjects
from .choices import DocumentKind
from .matching import service
from .views_matches import TABS, asked_subject, members_hidden, refuse

LIMIT = service.MAX_PAGE * service.PER_PAGE


def _reasons(match) -> str:
    return "; ".join(f"{reason.text} (+{reason.points:g})" for reason in match.reasons)


def columns(request, kind) -> list[Column]:
    """Rank, name, (for member organisations: type and the cluster they are matched through), score, reasons; a
    cluster's profile page (member organisations have no page)."""
    columns = [Column(_("Rank"), lambda row: row[0]), Column(_("Name"), lambda row: row[1].object.name)]
    if kind == DocumentKind.ORGANISATION:
        columns += [
            Column(_("Type"), lambda row: row[1].object.get_type_display()),
            Column(_("Via cluster"), lambda row: row[2].name if row[2] else None),
        ]
    columns += [
        Column(_("Score (of 100)"), lambda row: round(row[1].score)),
        Column(_("Why it matches"), lambda row: _reasons(row[1])),
        Column(_("Demo data"), lambda row: yes_no(row[1].object.is_demo)),
    ]
    if kind == DocumentKind.CLUSTER:
        columns.append(Column(_("Page"), lambda row: request.build_absolute_uri(row[1].object.get_absolute_url())))
    return columns


def ranked_rows(user, need, kind) -> list[tuple]:
    """(rank, match, via cluster the user may see) for every candidate the page could show, best first."""
    if kind == DocumentKind.ORGANISATION and members_hidden(user):
        return []
    result = service.find(user, need, kind, 1, per_page=LIMIT)
    via = match_subjects.shown_via(user, result.matches) if kind == DocumentKind.ORGANISATION else {}
    return [(rank, match, via.get(match.object.pk)) for rank, match in enumerate(result.matches, start=1)]


@login_required
def matches_export(request, file_format):
    try:
        _form, tab, subject, need = asked_subject(request)
    except PermissionError:
        return refuse(request, gettext_now("Sign in to find matches."))
    if subject is None:
        raise Http404
    kind = TABS[tab]
    rows = ranked_rows(request.user, need, kind)
    return list_export(file_format, f"matchning-{tab}", columns(request, kind), rows)
