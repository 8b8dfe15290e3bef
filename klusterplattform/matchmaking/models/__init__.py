from .events import EventParticipant, MeetingRequest, MeetingSlot, ScheduleRun
from .index import MatchDocument, MatchFeedback, MatchIndexState, MatchTerm, MatchTermStat
from .posts import PartnerInterest, PartnerSearch, PartnerSearchFollow, PartnerSearchQuerySet

__all__ = [
    "EventParticipant",
    "MatchDocument",
    "MatchFeedback",
    "MatchIndexState",
    "MatchTerm",
    "MatchTermStat",
    "MeetingRequest",
    "MeetingSlot",
    "PartnerInterest",
    "PartnerSearch",
    "PartnerSearchFollow",
    "PartnerSearchQuerySet",
    "ScheduleRun",
]
