"""A programme's short lists as CSV or XLSX, through the one export helper (core/exports.py): its contacts (the same
rows as the contact page, for whoever may see the programme, 404 otherwise) and its focus areas (the same rows as the
focus-area page, for those who manage them: 403, or 404 for those who may not know the programme)."""

from django.contrib.auth.decorators import login_required
from django.utils.translation import gettext_lazy as _

from klusterplattform.core.exports import Column, list_export, yes_no

from .news import contacts_of, programme_for
from .views_needs import focus_areas_of, managed_programme

CONTACT_COLUMNS = [
    Column(_("Name"), lambda c: c.name),
    Column(_("Role"), lambda c: c.role),
    Column(_("E-mail"), lambda c: c.email),
    Column(_("Phone"), lambda c: c.phone),
    Column(_("Away until"), lambda c: c.away_until if c.away else None),
    Column(_("Stand-in"), lambda c: c.stand_in.name if c.away and c.stand_in else None),
]


def contacts_export(request, slug, file_format):
    programme = programme_for(request.user, slug)
    return list_export(file_format, f"kontakter-{programme.slug}", CONTACT_COLUMNS, contacts_of(programme))


FOCUS_COLUMNS = [
    Column(_("Focus area"), lambda a: a.name),
    Column(_("Code"), lambda a: a.code),
    Column(_("Indicators"), lambda a: ", ".join(mapping.lineage for mapping in a.indicators.all())),
    Column(_("Suggested activity themes"), lambda a: "; ".join(a.themes)),
    Column(_("Default focus area"), lambda a: yes_no(a.programme_id is None)),
]


@login_required
def focus_export(request, slug, file_format):
    programme = managed_programme(request, slug)
    own, defaults = focus_areas_of(programme)
    return list_export(file_format, f"fokusomraden-{programme.slug}", FOCUS_COLUMNS, own or defaults)
