"""The registry's lists as CSV or XLSX: programmes, a programme's clusters, regions and a cluster's member
register. Each export takes its rows from the function its page uses (same visibility, every row rather than one
page) and writes them through the one export helper (core/exports.py). The directory has its own module
(directory_export.py); invitations are in views_invitations.py next to their page."""

from django.contrib.auth.decorators import login_required
from django.utils.translation import gettext_lazy as _

from klusterplattform.core.exports import Column, list_export, yes_no

from ..countries import country_name
from .cluster_edit import cluster_for
from .memberships import MAY_NOT_MANAGE, current_members
from .programmes import listed_programmes, participations_of, visible_programme
from .regions import listed_regions


def _absolute(request, obj):
    return request.build_absolute_uri(obj.get_absolute_url())


def programme_columns(request) -> list[Column]:
    return [
        Column(_("Programme"), lambda p: p.name),
        Column(_("Run by"), lambda p: p.owner),
        Column(_("Starts"), lambda p: p.starts_on),
        Column(_("Ends"), lambda p: p.ends_on),
        Column(_("Clusters"), lambda p: p.cluster_count),
        Column(_("Website"), lambda p: p.website),
        Column(_("Published"), lambda p: yes_no(p.is_published)),
        Column(_("Demo data"), lambda p: yes_no(p.is_demo)),
        Column(_("Page"), lambda p: _absolute(request, p)),
    ]


def programmes_export(request, file_format):
    return list_export(file_format, "program", programme_columns(request), listed_programmes(request.user))


def participation_columns(request) -> list[Column]:
    return [
        Column(_("Cluster organisation"), lambda p: p.cluster.name),
        Column(_("Regions"), lambda p: "; ".join(region.name for region in p.cluster.regions.all())),
        Column(_("Selected"), lambda p: p.selected_on),
        Column(_("Status"), lambda p: p.get_status_display()),
        Column(_("Demo data"), lambda p: yes_no(p.cluster.is_demo)),
        Column(_("Profile"), lambda p: _absolute(request, p.cluster)),
    ]


def participations_export(request, slug, file_format):
    """A programme's participating clusters, as its page lists them (404 for a programme the user may not see)."""
    programme = visible_programme(request.user, slug)
    rows = participations_of(request.user, programme)
    return list_export(file_format, f"program-{programme.slug}-kluster", participation_columns(request), rows)


def region_columns() -> list[Column]:
    return [
        Column(_("Region"), lambda r: r.name),
        Column(_("Code"), lambda r: r.code),
        Column(_("Country"), lambda r: country_name(r.country)),
        Column(_("Level"), lambda r: r.get_level_display()),
        Column(_("NUTS 3"), lambda r: r.nuts3_code),
        Column(_("NUTS 2"), lambda r: r.nuts2_code),
        Column(_("NUTS 2 name"), lambda r: r.nuts2_name),
        Column(_("Clusters"), lambda r: r.cluster_count),
    ]


def regions_export(request, file_format):
    counties, others = listed_regions(request.user)
    return list_export(file_format, "regioner", region_columns(), counties + others)


def member_columns() -> list[Column]:
    return [
        Column(_("Organisation"), lambda m: m.organisation.name),
        Column(_("Stable key"), lambda m: m.organisation.key),
        Column(_("Organisation number"), lambda m: m.organisation.organisation_number),
        Column(_("Country"), lambda m: country_name(m.organisation.country)),
        Column(_("Type"), lambda m: m.organisation.get_type_display()),
        Column(_("Size class"), lambda m: m.organisation.get_size_class_display()),
        Column(_("Region"), lambda m: m.organisation.region.name if m.organisation.region else None),
        Column(_("Kind"), lambda m: m.get_kind_display()),
        Column(_("Joined"), lambda m: m.joined),
    ]


@login_required
def memberships_export(request, slug, file_format):
    cluster, refused = cluster_for(request, slug, "cluster.view_members", MAY_NOT_MANAGE)
    if refused:
        return refused
    return list_export(file_format, f"medlemmar-{cluster.slug}", member_columns(), current_members(cluster))
