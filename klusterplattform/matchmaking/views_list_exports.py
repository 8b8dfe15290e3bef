"""The matchmaking lists as CSV or XLSX, through the one export helper (core/exports.py): the open partner searches
(the list page's own filtered, visible posts, every row rather than one page) and an event's participants. Contact
details are never in the files: they belong to accepted expressions of interest, not to the lists."""

from django.contrib.auth.decorators import login_required
from django.utils.translation import gettext as gettext_now
from django.utils.translation import gettext_lazy as _

from klusterplattform.core.exports import Column, list_export, yes_no
from klusterplattform.registry.countries import country_name

from .choices import PartnerType
from .event_permissions import event_or_404, may_see_participants
from .permissions import managed_cluster_ids
from .views_events import participants_of
from .views_posts import listed_posts, refuse


def _partner_types(post) -> str:
    return "; ".join(str(PartnerType(code).label) for code in post.partner_types if code in PartnerType)


def columns(request) -> list[Column]:
    return [
        Column(_("Title"), lambda p: p.title),
        Column(_("Cluster"), lambda p: p.cluster.name),
        Column(_("Country"), lambda p: country_name(p.cluster.country)),
        Column(_("Purpose"), lambda p: p.get_purpose_display()),
        Column(_("Partner types sought"), _partner_types),
        Column(_("Industrial ecosystems"), lambda p: "; ".join(str(e) for e in p.ecosystems.all())),
        Column(_("What we offer"), lambda p: p.offer),
        Column(_("What we seek"), lambda p: p.seek),
        Column(_("Open until"), lambda p: p.expires_on),
        Column(_("Published"), lambda p: p.created_at.date()),
        Column(_("Demo data"), lambda p: yes_no(p.cluster.is_demo)),
        Column(_("Page"), lambda p: request.build_absolute_uri(p.get_absolute_url())),
    ]


def posts_export(request, file_format):
    _filters, posts = listed_posts(request, managed_cluster_ids(request.user))
    return list_export(file_format, "partnersok", columns(request), posts)


PARTICIPANT_COLUMNS = [
    Column(_("Organisation"), lambda p: p.organisation_name),
    Column(_("Cluster"), lambda p: p.cluster.name if p.cluster else None),
    Column(_("What we offer"), lambda p: p.offer),
    Column(_("What we seek"), lambda p: p.seek),
]


@login_required
def event_participants_export(request, pk, file_format):
    """The event's participants as the overview lists them: for its participants and officers (403 for others who
    see the event, 404 for those who do not). No e-mail addresses: the overview shows none either."""
    event = event_or_404(request.user, pk)
    if not may_see_participants(request.user, event):
        return refuse(request, gettext_now("The participants are shown to the event's participants and officers."))
    return list_export(file_format, f"matchmaking-deltagare-{event.pk}", PARTICIPANT_COLUMNS, participants_of(event))
