"""The indicator catalogue pages: every version (public), one version's indicators by area (public), its JSON
export (public) and the officers' import of a new version."""

import json
from itertools import groupby

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.db.models import Count
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from klusterplattform.registry.models.translated import in_language

from .catalogue.io import CatalogueImportError, export_catalogue, import_catalogue
from .catalogue.versions import NEWEST_FIRST, current_catalogue
from .choices import Area
from .forms_catalogue import CatalogueImportForm
from .models import CatalogueVersion
from .models.catalogue import in_language_dict
from .permissions import can

AREA_ORDER = {area: position for position, area in enumerate(Area.values)}


def listed_catalogues():
    """Every catalogue version, newest first, with its indicator count: the page and its export share it."""
    return (
        CatalogueVersion.objects.select_related("previous")
        .annotate(indicator_count=Count("indicators"))
        .order_by(*NEWEST_FIRST)
    )


def catalogue_list(request):
    versions = list(listed_catalogues())
    current = versions[0] if versions else None
    return render(request, "excellence/catalogue_list.html", {"versions": versions, "current": current})


def catalogue_detail(request, code):
    version = get_object_or_404(CatalogueVersion.objects.select_related("previous"), code=code)
    indicators = sorted(
        version.indicators.select_related("previous"),
        key=lambda indicator: (AREA_ORDER.get(indicator.area, len(AREA_ORDER)), indicator.position, indicator.code),
    )
    for indicator in indicators:
        indicator.option_labels = [in_language_dict(option) for option in indicator.options]
    areas = [(Area(area).label, list(items)) for area, items in groupby(indicators, key=lambda i: i.area)]
    current = current_catalogue()
    context = {
        "version": version,
        "description": in_language(version, "description"),
        "areas": areas,
        "is_current": current is not None and current.pk == version.pk,
        "previous_url": reverse("excellence:catalogue", args=[version.previous.code]) if version.previous else "",
    }
    return render(request, "excellence/catalogue_detail.html", context)


def catalogue_export(request, code):
    version = get_object_or_404(CatalogueVersion, code=code)
    text = json.dumps(export_catalogue(version), ensure_ascii=False, indent=2)
    response = HttpResponse(text + "\n", content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{version.code}.json"'
    return response


def catalogue_import(request):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not can(request.user, "catalogue.manage"):
        raise Http404  # a page someone may not use does not exist for them
    form = CatalogueImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            version = import_catalogue(form.document, user=request.user)
        except CatalogueImportError as error:
            for problem in error.errors:
                form.add_error("file", str(problem))
        else:
            count = version.indicators.count()
            messages.success(
                request,
                _("The catalogue version %(code)s was imported with %(count)s indicators.")
                % {"code": version.code, "count": count},
            )
            return redirect("excellence:catalogue", code=version.code)
    return render(request, "excellence/catalogue_import.html", {"form": form})
