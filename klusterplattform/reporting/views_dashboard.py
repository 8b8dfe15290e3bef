"""The programme dashboard: every section of figures.SECTIONS for a programme, an "as of" day and the reader's regions.

Officers see every region; a regional officer sees their own regions only (reporting.permissions), and asking for
another region is a 404, as a foreign object is anywhere else. Everyone else signed in gets a 404 too (the page is
staff's), and an anonymous visitor is sent to sign in. A bad programme, day or region in the query string is shown
as the form's error on the page. The downloads link to the reports with the same query string, so a file holds
exactly the figures of the page.
"""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render

from klusterplattform.core.permissions import check
from klusterplattform.registry.models import Region

from .figures import build_all
from .scoping import scope_from_request

SECTION = "dashboard"


def _foreign_region(form) -> bool:
    """A regional officer asked for a region that exists but is not theirs (officers get the form's error)."""
    code = form.data.get("region") if form.is_bound else None
    if not code or "region" not in form.errors or form.allowed_region_ids is None:
        return False
    return Region.objects.filter(code=code).exists()


def _chosen_region(scope):
    if scope is None or scope.region_ids is None or len(scope.region_ids) != 1:
        return None
    return Region.objects.filter(pk__in=scope.region_ids).first()


def section_blocks(scope) -> list[tuple[str, object, str]]:
    """(name, figures, template) for each section, in the dashboard's order."""
    return [(name, section, f"reporting/sections/{name}.html") for name, section in build_all(scope)]


@login_required
def dashboard(request):
    if not check(request.user, "dashboard.view"):
        raise Http404
    scope, form = scope_from_request(request)
    if scope is None and _foreign_region(form):
        raise Http404
    region = _chosen_region(scope)
    if scope is not None and not form.is_bound:  # show the defaults the figures are for
        form.initial = {"programme": scope.programme, "as_of": scope.as_of, "region": region}
    context = {
        "section": SECTION,
        "form": form,
        "scope": scope,
        "region": region,
        "blocks": section_blocks(scope) if scope is not None else [],
        "query": request.GET.urlencode(),
    }
    return render(request, "reporting/dashboard.html", context)
