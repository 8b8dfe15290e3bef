"""The directory as CSV or XLSX: the same filter and the same visibility rule as the page, through the one export
helper (core/exports.py)."""

from django.http import Http404
from django.utils.translation import gettext_lazy as _

from klusterplattform.core.exports import FORMATS, Column, export_response

from ..countries import country_name
from ..filters import ClusterFilter
from ..models import ClusterOrganisation
from .listing import with_list_details


def _names(items) -> str:
    return "; ".join(str(item) for item in items)


def columns(request) -> list[Column]:
    return [
        Column(_("Name"), lambda c: c.name),
        Column(_("Country"), lambda c: country_name(c.country)),
        Column(_("Regions"), lambda c: _names(c.regions.all())),
        Column(_("Industrial ecosystems"), lambda c: _names(c.ecosystems.all())),
        Column(_("Valid label"), lambda c: _names(label.get_level_display() for label in c.valid_labels)),
        Column(_("Founded"), lambda c: c.founded),
        Column(_("Website"), lambda c: c.website),
        Column(_("Published"), lambda c: _("yes") if c.is_published else _("no")),
        Column(_("Demo data"), lambda c: _("yes") if c.is_demo else _("no")),
        Column(_("Description"), lambda c: c.description),
        Column(_("Profile"), lambda c: request.build_absolute_uri(c.get_absolute_url())),
    ]


def export_directory(request, file_format):
    if file_format not in FORMATS:
        raise Http404
    chosen = ClusterFilter.from_params(request.GET)
    clusters = with_list_details(chosen.apply(ClusterOrganisation.objects.visible_to(request.user)))
    return export_response(file_format, "kluster", columns(request), clusters)
