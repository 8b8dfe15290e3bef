from .calls import FundingCall, FundingCallQuerySet, FundingDeadline, FundingSearchTerm, ThematicTag, status_q
from .tracking import DigestDelivery, DigestPreference, FundingCalendarFeed, FundingInterest, FundingPartner

__all__ = [
    "DigestDelivery",
    "DigestPreference",
    "FundingCalendarFeed",
    "FundingCall",
    "FundingCallQuerySet",
    "FundingDeadline",
    "FundingSearchTerm",
    "FundingInterest",
    "FundingPartner",
    "ThematicTag",
    "status_q",
]
