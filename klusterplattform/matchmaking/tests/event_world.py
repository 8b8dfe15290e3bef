"""Test data for matchmaking events: a published programme with clusters A and B, a matchmaking event of it ten days
ahead (09:00–17:00 in Europe/Stockholm), confirmed registrations for Alice (manager of A, registered under her
address in capitals), Bob (manager of B) and Carol (no role), a waiting-list registration for Walter, and the
personas officer, regional officer (of A's region) and outsider (no registration).

    world = build_event_world()
    alice, bob = join(world, world.alice), join(world, world.bob)
    meeting = accepted(world, alice, bob)
    make_slots(world, 4)
"""

import datetime
import zoneinfo
from dataclasses import dataclass

from django.utils import timezone

from klusterplattform.activities.models import Activity, Registration
from klusterplattform.matchmaking import event_services as services
from klusterplattform.registry.grants import grant_role
from klusterplattform.registry.tests.factories import ClusterFactory, ProgrammeFactory, RegionFactory, UserFactory

ZONE = zoneinfo.ZoneInfo("Europe/Stockholm")


@dataclass
class EventWorld:
    programme: object
    event: object
    workshop: object  # an activity of another type in the same programme
    cluster_a: object
    cluster_b: object
    alice: object  # manager of A, confirmed registration (e-mail in capitals)
    bob: object  # manager of B, confirmed registration
    carol: object  # no role, confirmed registration
    walter: object  # on the waiting list
    outsider: object  # signed in, no registration
    regional: object  # regional officer of A's region, no registration
    officer: object


def event_day(days: int = 10) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=days)


def local(day: datetime.date, hour: int, minute: int = 0) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=ZONE)


def make_event(programme, *, day=None, start_hour=9, end_hour=17, type="matchmaking", **fields) -> Activity:
    day = day or event_day()
    values = {
        "programme": programme,
        "type": type,
        "title_sv": "Matchmaking om cirkulära textilier",
        "title_en": "Matchmaking on circular textiles",
        "starts_at": local(day, start_hour),
        "ends_at": local(day, end_hour),
        "time_zone": "Europe/Stockholm",
        "place": "Borås",
        **fields,
    }
    return Activity.objects.create(**values)


def register(event, user_or_email, cluster, status="confirmed", email=None) -> Registration:
    email = email or getattr(user_or_email, "email", user_or_email)
    return Registration.objects.create(
        activity=event, cluster=cluster, name=email.split("@")[0], email=email, status=status, queued_at=timezone.now()
    )


def build_event_world(prefix: str = "ev") -> EventWorld:
    region = RegionFactory(code=f"{prefix[:3].upper()}1")
    cluster_a = ClusterFactory(name="Textile Cluster A", slug=f"{prefix}-a", regions=[region])
    cluster_b = ClusterFactory(name="Fibre Cluster B", slug=f"{prefix}-b", regions=[RegionFactory(code=f"{prefix}2")])
    programme = ProgrammeFactory(slug=f"{prefix}-programme", clusters=[cluster_a, cluster_b])
    people = {
        name: UserFactory(email=f"{prefix}-{name}@example.org", full_name=name.capitalize())
        for name in ("alice", "bob", "carol", "walter", "outsider", "regional", "officer")
    }
    grant_role(people["alice"], "cluster_manager", clusters=[cluster_a.slug])
    grant_role(people["bob"], "cluster_manager", clusters=[cluster_b.slug])
    grant_role(people["regional"], "regional_officer", regions=[region.code])
    grant_role(people["officer"], "officer")
    event = make_event(programme)
    register(event, people["alice"], cluster_a, email=people["alice"].email.upper())
    register(event, people["bob"], cluster_b)
    register(event, people["carol"], cluster_b)
    register(event, people["walter"], cluster_b, status="waiting")
    workshop = make_event(programme, type="workshop")
    register(workshop, people["alice"], cluster_a)
    return EventWorld(
        programme=programme, event=event, workshop=workshop, cluster_a=cluster_a, cluster_b=cluster_b, **people
    )


def join(world, user, name=None, **fields):
    name = name or f"{user.full_name} AB"
    values = {"offer": f"{name} offers pilot plants", "seek": f"{name} seeks partners", **fields}
    return services.join(user, world.event, organisation_name=name, **values)


def accepted(world, requester, invitee):
    meeting = services.request_meeting(requester.user, world.event, invitee, "Shall we meet?")
    return services.decide(invitee.user, meeting, True)


def make_slots(world, count=4, minutes=20, start_hour=10, **fields):
    return services.set_up_slots(
        world.officer,
        world.event,
        first_start=local(world.event.local_start.date(), start_hour),
        minutes=minutes,
        count=count,
        **fields,
    )
