"""Who may see and change registry objects. The one choke point: pages, the API and exports call these.

Issue 3 (accounts and roles) extends this module; its shape stays: query-set filters for lists and object checks
that return (allowed, reason).
"""

from django.db.models import Q

from .choices import Role


def grants_of(user):
    """The user's role grants, cached on the user object for the request."""
    if not getattr(user, "is_authenticated", False):
        return []
    cached = getattr(user, "_kp_grants", None)
    if cached is None:
        cached = list(user.role_grants.all())
        user._kp_grants = cached
    return cached


def has_role(user, *roles: str) -> bool:
    return any(grant.role in roles for grant in grants_of(user))


def sees_everything(user) -> bool:
    """Officers, administrators and superusers see unpublished records of every cluster."""
    return bool(getattr(user, "is_superuser", False)) or has_role(user, Role.OFFICER, Role.ADMIN)


def managed_cluster_ids(user) -> set[int]:
    return {grant.cluster_id for grant in grants_of(user) if grant.role == Role.CLUSTER_MANAGER}


def cluster_visibility_filter(user) -> Q:
    if sees_everything(user):
        return Q()
    own = managed_cluster_ids(user)
    return Q(is_published=True) | Q(pk__in=own) if own else Q(is_published=True)


def programme_visibility_filter(user) -> Q:
    return Q() if sees_everything(user) else Q(is_published=True)


def can_view_member_details(user, cluster) -> tuple[bool, str]:
    """Member lists are personal data for sole traders, so only the cluster's managers and staff see names."""
    if sees_everything(user):
        return True, "staff"
    if cluster.pk in managed_cluster_ids(user):
        return True, "manager of this cluster"
    return False, "member details are not public; the public page shows counts by type"


def can_import_organisations(user) -> tuple[bool, str]:
    if sees_everything(user) or getattr(user, "is_staff", False):
        return True, "staff"
    return False, "only programme officers and administrators import organisations"


def _models():
    from . import models  # imported late: the models call this module from their query sets

    return models


def organisations_visible_to(user, cluster_slug: str = ""):
    """The organisations the user may see, optionally only those (ever) in one cluster's member register."""
    if sees_everything(user) or getattr(user, "is_staff", False):
        if not cluster_slug:
            return _models().Organisation.objects.all()
        scope = _models().Membership.objects.all()
    else:
        own = managed_cluster_ids(user)
        if not own:
            return _models().Organisation.objects.none()
        scope = _models().Membership.objects.filter(cluster_id__in=own)
    if cluster_slug:
        scope = scope.filter(cluster__slug=cluster_slug)
    # IN (subquery) rather than EXISTS: SQLite then starts from the few memberships, not from every organisation.
    return _models().Organisation.objects.filter(pk__in=scope.values("organisation_id"))
