"""Granting scoped roles (a service: validates the scope, writes the grants, keeps staff flags consistent)."""

from .choices import Role
from .models import ClusterOrganisation, Region, RoleGrant

SCOPE_RULES = {
    Role.CLUSTER_MANAGER: "cluster",
    Role.REGIONAL_OFFICER: "region",
}


def grant_role(user, role: str, clusters=(), regions=()) -> list[RoleGrant]:
    """Give `user` the role, once per named scope; unknown scopes or a missing required scope raise ValueError."""
    role = Role(role)
    needs = SCOPE_RULES.get(role)
    if needs == "cluster" and not clusters:
        raise ValueError("The cluster_manager role needs --cluster SLUG")
    if needs == "region" and not regions:
        raise ValueError("The regional_officer role needs --region CODE (länskod, e.g. 12)")
    if needs != "cluster" and clusters:
        raise ValueError(f"The {role.value} role is not scoped to a cluster")
    if needs != "region" and regions:
        raise ValueError(f"The {role.value} role is not scoped to a region")
    scopes = [{"cluster": _cluster(slug)} for slug in clusters] or [{"region": _region(code)} for code in regions]
    grants = []
    for scope in scopes or [{}]:
        grant, _created = RoleGrant.objects.get_or_create(
            user=user, role=role, cluster=scope.get("cluster"), region=scope.get("region")
        )
        grants.append(grant)
    if role == Role.ADMIN and not (user.is_staff and user.is_superuser):
        user.is_staff = user.is_superuser = True
        user.save(update_fields=["is_staff", "is_superuser"])
    elif role == Role.OFFICER and not user.is_staff:
        user.is_staff = True  # officers work in the admin too
        user.save(update_fields=["is_staff"])
    return grants


def _cluster(slug):
    cluster = ClusterOrganisation.objects.filter(slug=slug).first()
    if cluster is None:
        raise ValueError(f"No cluster organisation with slug {slug!r}")
    return cluster


def _region(code):
    region = Region.objects.filter(code=code).first()
    if region is None:
        raise ValueError(f"No region with code {code!r} (use the länskod, e.g. 01 for Stockholm)")
    return region
