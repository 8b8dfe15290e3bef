"""Test data for partner searches: three published clusters in different regions, each with a manager and a contact
person with an e-mail address, a regional officer of cluster A's region, an officer and an outsider; `make_post`
publishes a partner search for a cluster (through the service, so search_text is filled).

    world = build_world()
    post = make_post(world.cluster_a, title="Textile recycling partners", expires_in_days=30)

E-mail addresses are unique per persona and prefix so privacy tests can search a page for them.
"""

import datetime
from dataclasses import dataclass

from django.utils import timezone

from klusterplattform.matchmaking import services
from klusterplattform.matchmaking.models import PartnerSearch
from klusterplattform.registry.grants import grant_role
from klusterplattform.registry.tests.factories import (
    ClusterFactory,
    ContactPersonFactory,
    RegionFactory,
    UserFactory,
)


@dataclass
class World:
    region_a: object
    region_b: object
    region_c: object
    cluster_a: object  # in region_a, managed by manager_a, contact_a
    cluster_b: object  # in region_b, managed by manager_b, contact_b
    cluster_c: object  # in region_c, managed by manager_c, contact_c
    contact_a: object
    contact_b: object
    contact_c: object
    manager_a: object
    manager_b: object
    manager_c: object
    regional_a: object  # regional officer of region_a
    officer: object
    outsider: object  # signed in, no role


def build_world(prefix: str = "mm") -> World:
    regions = {k: RegionFactory(code=f"{prefix[:4].upper()}{k.upper()}") for k in "abc"}
    clusters, contacts, managers = {}, {}, {}
    for key in "abc":
        clusters[key] = ClusterFactory(
            name=f"{prefix.capitalize()} Cluster {key.upper()}", slug=f"{prefix}-cluster-{key}", regions=[regions[key]]
        )
        contacts[key] = ContactPersonFactory(
            cluster=clusters[key],
            name=f"Contact {key.upper()} Person",
            email=f"{prefix}-contact-{key}@example.org",
            phone=f"+46 8 000 00{'abc'.index(key)}",
        )
        managers[key] = UserFactory(email=f"{prefix}-manager-{key}@example.org", full_name=f"Manager {key.upper()}")
        grant_role(managers[key], "cluster_manager", clusters=[clusters[key].slug])
    regional_a = UserFactory(email=f"{prefix}-regional-a@example.org", full_name="Regional Officer A")
    grant_role(regional_a, "regional_officer", regions=[regions["a"].code])
    officer = UserFactory(email=f"{prefix}-officer@example.org", full_name="Officer")
    grant_role(officer, "officer")
    outsider = UserFactory(email=f"{prefix}-outsider@example.org", full_name="Outsider")
    return World(
        region_a=regions["a"],
        region_b=regions["b"],
        region_c=regions["c"],
        cluster_a=clusters["a"],
        cluster_b=clusters["b"],
        cluster_c=clusters["c"],
        contact_a=contacts["a"],
        contact_b=contacts["b"],
        contact_c=contacts["c"],
        manager_a=managers["a"],
        manager_b=managers["b"],
        manager_c=managers["c"],
        regional_a=regional_a,
        officer=officer,
        outsider=outsider,
    )


def manager_of(cluster):
    """A user who manages `cluster` (the first granted one)."""
    from klusterplattform.registry.models import RoleGrant

    grant = RoleGrant.objects.filter(role="cluster_manager", cluster=cluster).select_related("user").first()
    return grant.user


def make_post(
    cluster,
    *,
    author=None,
    expires_in_days: int = 30,
    ecosystems=None,
    sectors=None,
    technology_fields=None,
    regions=None,
    closed: bool = False,
    **fields,
) -> PartnerSearch:
    """A partner search of `cluster`, saved through services.save_post by `author` (default: a manager of it)."""
    author = author or manager_of(cluster)
    values = {
        "title": "Partners for circular textiles",
        "offer": "Pilot plants for fibre recycling and 120 member companies.",
        "seek": "Research partners and SMEs in sorting technology.",
        "partner_types": ["research", "sme"],
        "countries_sought": [],
        "purpose": "project",
        "expires_on": timezone.localdate() + datetime.timedelta(days=expires_in_days),
        **fields,
    }
    post = services.save_post(
        author,
        PartnerSearch(cluster=cluster, **values),
        ecosystems=ecosystems,
        sectors=sectors,
        technology_fields=technology_fields,
        regions=regions,
    )
    if closed:
        services.close_post(author, post)
    return post


def as_user(client, user):
    """The test client signed in as `user` (signed out for None)."""
    client.logout()
    if user is not None:
        client.force_login(user)
    return client
