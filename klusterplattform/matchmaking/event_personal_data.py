"""What matchmaking events hold about a person, for the personal-data lookup and export (registry/people.py).

A participation (EventParticipant) is the person's profile at an event on behalf of their organisation, and its
meeting requests are shared with the other participants (their agendas, the event's outcome figures). Like partner
searches they are kept when the account is erased: they then point at the anonymised account, which has neither a
name nor an address. The export lists each participation with the requests made and received.
"""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .models import EventParticipant, MeetingRequest


def _iso(value):
    return value.isoformat() if value else None


def participations_of(user) -> list:
    participations = list(
        EventParticipant.objects.filter(user=user).select_related("activity", "cluster").order_by("joined_at", "pk")
    )
    meetings = (
        MeetingRequest.objects.filter(Q(requester__in=participations) | Q(invitee__in=participations))
        .select_related("requester", "invitee", "slot")
        .order_by("created_at", "pk")
    )
    by_participant: dict = {}
    for m in meetings:
        for side, other, role in ((m.requester_id, m.invitee, "requester"), (m.invitee_id, m.requester, "invitee")):
            by_participant.setdefault(side, []).append(
                {
                    "id": m.pk,
                    "role": role,
                    "with": other.organisation_name,
                    "message": m.message,
                    "status": m.status,
                    "slot_starts_at": _iso(m.slot.starts_at) if m.slot else None,
                    "table": m.table,
                    "outcome": m.outcome,
                    "outcome_note": m.outcome_note,
                }
            )
    return [
        {
            "event": p.activity_id,
            "event_title": p.activity.title,
            "organisation": p.organisation_name,
            "cluster": p.cluster.slug if p.cluster else None,
            "offer": p.offer,
            "seek": p.seek,
            "joined_at": _iso(p.joined_at),
            "meetings": by_participant.get(p.pk, []),
        }
        for p in participations
    ]


# key → (explanation, records(user)), as in personal_data.ACCOUNT_SECTIONS.
EVENT_SECTIONS = {
    "matchmaking_participations": (
        _(
            "Matchmaking events this person joined, with their profile and meeting requests (kept with the event "
            "when the account is erased)."
        ),
        participations_of,
    ),
}
