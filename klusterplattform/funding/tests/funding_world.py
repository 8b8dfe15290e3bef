"""Test data for the funding module.

    call = make_funding_call("SMP-COSME-2024-CLUSTER-01", closes_in_days=30, ecosystems=[textiles])
    world = build_world()   # two clusters in two regions, their managers, regional officers, an officer, an outsider

Deadlines are at 17:00 Brussels time unless `deadlines` is given as [{at, time_zone, stage, label}].
"""

import datetime
import zoneinfo
from dataclasses import dataclass

from django.utils import timezone

from klusterplattform.funding import services
from klusterplattform.funding.models import FundingCall
from klusterplattform.registry.grants import grant_role
from klusterplattform.registry.tests.factories import ClusterFactory, RegionFactory, UserFactory

BRUSSELS = zoneinfo.ZoneInfo("Europe/Brussels")


def brussels_17(days_from_now: float) -> datetime.datetime:
    """17:00 Brussels time on the day `days_from_now` days ahead (negative: in the past)."""
    day = (timezone.now() + datetime.timedelta(days=days_from_now)).astimezone(BRUSSELS).date()
    return datetime.datetime.combine(day, datetime.time(17, 0), tzinfo=BRUSSELS)


def make_funding_call(
    identifier: str | None = None,
    *,
    closes_in_days: float | None = 30,
    opened_days_ago: float | None = 10,
    deadlines: list[dict] | None = None,
    ecosystems=(),
    tags=(),
    **fields,
) -> FundingCall:
    identifier = identifier or f"TEST-{FundingCall.objects.count() + 1:04d}"
    values = {
        "title": f"Funding call {identifier}",
        "programme": "Single Market Programme",
        "funder": "European Commission (EISMEA)",
        "description_html": "<p>Support for cluster organisations.</p>",
    }
    if opened_days_ago is not None:
        values["opening_date"] = (timezone.now() - datetime.timedelta(days=opened_days_ago)).astimezone(BRUSSELS).date()
    values.update(fields)
    call = FundingCall(identifier=identifier, **values)
    if deadlines is None:
        deadlines = (
            []
            if closes_in_days is None
            else [{"at": brussels_17(closes_in_days), "time_zone": "Europe/Brussels", "stage": 1}]
        )
    return services.save_call(call, deadlines=deadlines, ecosystems=list(ecosystems), tags=list(tags))


@dataclass
class World:
    region_a: object
    region_b: object
    cluster_a: object  # in region_a, managed by manager_a
    cluster_b: object  # in region_b, managed by manager_b
    manager_a: object
    manager_b: object
    regional_a: object
    regional_b: object
    officer: object
    outsider: object  # signed in, no role


def build_world() -> World:
    region_a, region_b = RegionFactory(), RegionFactory()
    cluster_a = ClusterFactory(regions=[region_a])
    cluster_b = ClusterFactory(regions=[region_b])
    manager_a, manager_b = UserFactory(), UserFactory()
    grant_role(manager_a, "cluster_manager", clusters=[cluster_a.slug])
    grant_role(manager_b, "cluster_manager", clusters=[cluster_b.slug])
    regional_a, regional_b = UserFactory(), UserFactory()
    grant_role(regional_a, "regional_officer", regions=[region_a.code])
    grant_role(regional_b, "regional_officer", regions=[region_b.code])
    officer = UserFactory()
    grant_role(officer, "officer")
    return World(
        region_a, region_b, cluster_a, cluster_b, manager_a, manager_b, regional_a, regional_b, officer, UserFactory()
    )
