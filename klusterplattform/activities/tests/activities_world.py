"""Test data for activities and registrations: a programme with two participating clusters and one that does not
take part, the five personas, and an activity factory.

    world = build_world()
    activity = make_activity(world.programme, capacity=2)
"""

import datetime
from dataclasses import dataclass

from django.utils import timezone

from klusterplattform.activities.models import Activity
from klusterplattform.registry.grants import grant_role
from klusterplattform.registry.tests.factories import ClusterFactory, ProgrammeFactory, RegionFactory, UserFactory


@dataclass
class World:
    programme: object
    own: object  # a participating cluster; `manager` manages it
    other: object  # another participating cluster; `other_manager` manages it
    outside: object  # a cluster that does not take part; `outside_manager` manages it
    manager: object
    other_manager: object
    outside_manager: object
    outsider: object  # signed in, no role
    officer: object


def build_world(prefix: str = "w") -> World:
    region = RegionFactory(code=f"{prefix}1")
    own = ClusterFactory(slug=f"{prefix}-own", regions=[region])
    other = ClusterFactory(slug=f"{prefix}-other", regions=[region])
    outside = ClusterFactory(slug=f"{prefix}-outside", regions=[region])
    programme = ProgrammeFactory(slug=f"{prefix}-programme", clusters=[own, other])
    users = {}
    for name, role, scope in [
        ("manager", "cluster_manager", {"clusters": [own.slug]}),
        ("other_manager", "cluster_manager", {"clusters": [other.slug]}),
        ("outside_manager", "cluster_manager", {"clusters": [outside.slug]}),
        ("officer", "officer", {}),
    ]:
        users[name] = UserFactory(email=f"{prefix}-{name}@example.org")
        grant_role(users[name], role, **scope)
    users["outsider"] = UserFactory(email=f"{prefix}-outsider@example.org")
    return World(programme=programme, own=own, other=other, outside=outside, **users)


def make_activity(programme, *, starts_in_days: float = 10, hours: float = 3, **fields) -> Activity:
    starts = timezone.now().replace(microsecond=0) + datetime.timedelta(days=starts_in_days)
    values = {
        "programme": programme,
        "type": "workshop",
        "title_sv": "Workshop om finansiering",
        "title_en": "Workshop on funding",
        "starts_at": starts,
        "ends_at": starts + datetime.timedelta(hours=hours),
        "place": "Stockholm",
        **fields,
    }
    return Activity.objects.create(**values)
