"""Matchmaking events' rows of the permission table, and who is what at one event.

An event is an activity of type matchmaking; any other activity is not an event (404), nor is one the user cannot
see (activity.view). Officers manage every event: they set up its meeting slots, run the scheduler, and see all its
meetings and the outcome summary. Anyone signed in who sees the event and has a confirmed registration for it under
their own e-mail address (compared case-insensitively) may join it as a participant; officers may join too.
Participants and officers see the participants' list with what each offers and seeks; nobody else does.
"""

from django.db.models import Q
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from klusterplattform.core.permissions import Decision, Scope, check, define

ALL = Scope.ALL

define(
    "matchmaking_event.manage",
    _("Set up a matchmaking event's meeting slots, run its scheduler, see all its meetings and their outcomes"),
    officer=ALL,
    admin=ALL,
)
define(
    "matchmaking_event.join",
    _("Join a matchmaking event (others than officers: with a confirmed registration under their own e-mail)"),
    signed_in=ALL,
    officer=ALL,
    admin=ALL,
)


def event_filter() -> Q:
    from klusterplattform.activities.choices import ActivityType

    return Q(type=ActivityType.MATCHMAKING)


def is_event(activity) -> bool:
    from klusterplattform.activities.choices import ActivityType

    return activity.type == ActivityType.MATCHMAKING


def visible_events(user):
    from klusterplattform.activities.models import Activity

    return Activity.objects.visible_to(user).filter(event_filter())


def event_or_404(user, pk: int):
    """The matchmaking event `pk` if the user sees it; any other activity, or one they do not see, is a 404."""
    event = None if not 0 < pk < 2**63 else visible_events(user).select_related("programme").filter(pk=pk).first()
    if event is None:
        raise Http404
    return event


def manages(user, event) -> bool:
    return bool(getattr(user, "is_authenticated", False) and check(user, "matchmaking_event.manage", event))


def participant_of(user, event):
    """The user's participation in `event`, or None."""
    from .models import EventParticipant

    if not getattr(user, "is_authenticated", False):
        return None
    return EventParticipant.objects.filter(activity=event, user=user).select_related("cluster").first()


def has_confirmed_registration(user, event) -> bool:
    from klusterplattform.activities.choices import RegistrationStatus

    return event.registrations.filter(status=RegistrationStatus.CONFIRMED, email__iexact=user.email.strip()).exists()


def may_join(user, event) -> Decision:
    """May the user join `event` as a participant? They must see it, and be an officer or have a confirmed
    registration for it under their e-mail address."""
    if not getattr(user, "is_authenticated", False):
        return Decision(False, "sign in first")
    if not is_event(event):
        return Decision(False, "not a matchmaking event")
    if not visible_events(user).filter(pk=event.pk).exists():
        return Decision(False, "the user does not see the event")
    decision = check(user, "matchmaking_event.join", event)
    if not decision:
        return decision
    if manages(user, event):
        return Decision(True, "officer")
    if user.email and has_confirmed_registration(user, event):
        return Decision(True, "confirmed registration")
    return Decision(False, "no confirmed registration under the user's e-mail address")


def may_see_participants(user, event, participant=None) -> bool:
    """Participants of the event and officers see who takes part and what they offer and seek."""
    if manages(user, event):
        return True
    return (participant or participant_of(user, event)) is not None


def may_record_outcome(user, meeting, participant=None) -> bool:
    """Either side of the meeting, or an officer."""
    if manages(user, meeting.activity):
        return True
    participant = participant or participant_of(user, meeting.activity)
    return participant is not None and participant.pk in (meeting.requester_id, meeting.invitee_id)
