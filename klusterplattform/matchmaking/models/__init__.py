from .posts import PartnerInterest, PartnerSearch, PartnerSearchFollow, PartnerSearchQuerySet

__all__ = ["PartnerInterest", "PartnerSearch", "PartnerSearchFollow", "PartnerSearchQuerySet"]
