"""The regional view: one län's smart-specialisation priority areas and the programme's clusters working in them.

Officers see every län, a regional officer their own (dashboard.view on the region); a län that is unknown or not
the reader's is a 404, and an anonymous reader is sent to sign in. The programme and the as-of day come from the
query string like the dashboard's (reporting/scoping.py); the figures are figures/regional.py's, which the
regional report uses too.
"""

from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.shortcuts import render
from django.utils.http import urlencode

from klusterplattform.core.permissions import check
from klusterplattform.registry.choices import RegionLevel
from klusterplattform.registry.models import Region

from .figures.regional import build_region
from .scoping import scope_from_request


def region(request, code):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    found = Region.objects.filter(code=code, country="SE", level=RegionLevel.COUNTY).first()
    if found is None or not check(request.user, "dashboard.view", found):
        raise Http404
    scope, form = scope_from_request(request, region=found)
    context = {"section": "dashboard", "region": found, "form": form, "scope": scope}
    if scope is None:
        if not form.errors:  # no programme the reader may see
            raise Http404
        return render(request, "reporting/region.html", context)  # a bad day or programme: the form says why
    if not form.is_bound:  # show the defaults the figures are for
        form.initial = {"programme": scope.programme, "as_of": scope.as_of}
    context["figures"] = build_region(scope, found)
    context["query"] = urlencode({"programme": scope.programme.slug, "as_of": scope.as_of.isoformat()})
    return render(request, "reporting/region.html", context)
