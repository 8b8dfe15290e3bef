from .clusters import ClusterOrganisation, ClusterOrganisationQuerySet, ContactPerson
from .geography import Region, S3PriorityArea
from .grants import RoleGrant
from .invitations import Invitation
from .organisations import Membership, MembershipQuerySet, Organisation
from .postcodes import Postcode
from .programmes import Programme, ProgrammeParticipation
from .taxonomy import Ecosystem, SectoralIndustry, TechnologyField

__all__ = [
    "ClusterOrganisation",
    "ClusterOrganisationQuerySet",
    "ContactPerson",
    "Ecosystem",
    "Invitation",
    "Membership",
    "MembershipQuerySet",
    "Organisation",
    "Postcode",
    "Programme",
    "ProgrammeParticipation",
    "Region",
    "RoleGrant",
    "S3PriorityArea",
    "SectoralIndustry",
    "TechnologyField",
]
