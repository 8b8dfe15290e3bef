"""The matchmaking lists as CSV or XLSX, through the one export helper (core/exports.py): the open partner searches
(the list page's own filtered, visible posts, every row rather than one page), the user's own clusters' posts (the
first table of "my partner searches"), an event's participants and, for officers, its meeting requests. Contact
details are never in the files: they belong to accepted expressions of interest, not to the lists."""

from django.contrib.auth.decorators import login_required
from django.utils import timezone
from django.utils.translation import gettext as gettext_now
from django.utils.translation import gettext_lazy as _

from klusterplattform.core.exports import Column, list_export, yes_no
from klusterplattform.registry.countries import country_name

from .choices import MeetingStatus, PartnerType, PostStatus
from .event_permissions import event_or_404, manages, may_see_participants
from .permissions import managed_cluster_ids
from .views_events import meetings_of, participants_of
from .views_posts import listed_posts, own_posts_of, refuse


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


def own_columns(request) -> list[Column]:
    today = timezone.localdate()
    return [
        Column(_("Partner search"), lambda p: p.title),
        Column(_("Cluster"), lambda p: p.cluster.name),
        Column(_("Status"), lambda p: str(PostStatus(p.status_on(today)).label)),
        Column(_("Open until"), lambda p: p.expires_on),
        Column(_("Waiting for an answer"), lambda p: p.pending),
        Column(_("Accepted"), lambda p: p.accepted),
        Column(_("Published"), lambda p: p.created_at.date()),
        Column(_("Demo data"), lambda p: yes_no(p.cluster.is_demo)),
        Column(_("Page"), lambda p: request.build_absolute_uri(p.get_absolute_url())),
    ]


@login_required
def mine_export(request, file_format):
    """The partner searches of the user's clusters as "my partner searches" lists them (every one, open or not). The
    page's two other lists (interest sent, posts followed) are short and personal and stay on the page."""
    posts = own_posts_of(managed_cluster_ids(request.user))
    return list_export(file_format, "mina-partnersok", own_columns(request), posts)


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


def _slot_time(meeting, event, end=False):
    if meeting.slot is None:
        return None
    at = meeting.slot.ends_at if end else meeting.slot.starts_at
    return timezone.localtime(at, event.zone).replace(tzinfo=None)


def meeting_columns(event) -> list[Column]:
    """Who meets whom, when and with what outcome, on the event's own clock; never the messages or the notes on the
    outcome, which the two sides wrote to each other."""
    return [
        Column(_("Requested by"), lambda m: m.requester.organisation_name),
        Column(_("Requester's cluster"), lambda m: m.requester.cluster.name if m.requester.cluster else None),
        Column(_("Invited"), lambda m: m.invitee.organisation_name),
        Column(_("Invited's cluster"), lambda m: m.invitee.cluster.name if m.invitee.cluster else None),
        Column(_("Status"), lambda m: m.get_status_display()),
        Column(_("Starts"), lambda m: _slot_time(m, event)),
        Column(_("Ends"), lambda m: _slot_time(m, event, end=True)),
        Column(_("Table"), lambda m: m.table),
        Column(_("Outcome"), lambda m: m.get_outcome_display() if m.status == MeetingStatus.ACCEPTED else None),
        Column(_("Requested"), lambda m: timezone.localtime(m.created_at, event.zone).date()),
    ]


@login_required
def event_meetings_export(request, pk, file_format):
    """The schedule page's list of meeting requests: for the officers who manage the event (403 for others who see
    it, 404 for those who do not)."""
    event = event_or_404(request.user, pk)
    if not manages(request.user, event):
        return refuse(request, gettext_now("Only officers set up and schedule matchmaking events."))
    return list_export(file_format, f"matchmaking-moten-{event.pk}", meeting_columns(event), meetings_of(event))
