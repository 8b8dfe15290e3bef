"""Test data for the calls module: a programme with a call open now (the default form, frozen), three review
criteria (one allowing n/a), one review phase (the current one), two clusters in different regions each with a
manager, a regional officer per region, two reviewers, an officer and an outsider.

    world = build_world()
    call = make_call(world.programme, slug="later", opens_in_days=10)
"""

import copy
import datetime
from dataclasses import dataclass

from django.utils import timezone

from klusterplattform.calls.forms_engine import DEFAULT_FORM
from klusterplattform.calls.models import Call, FormVersion, ReviewCriterion, ReviewPhase
from klusterplattform.registry.grants import grant_role
from klusterplattform.registry.tests.factories import ClusterFactory, ProgrammeFactory, RegionFactory, UserFactory


@dataclass
class World:
    programme: object
    call: object  # open now, published; `form` is its frozen default form
    form: object
    criteria: list  # relevance (weight 2), quality, international (allows n/a)
    phase: object  # the call's current phase
    region_a: object
    region_b: object
    cluster_a: object  # in region_a; `manager_a` manages it
    cluster_b: object  # in region_b; `manager_b` manages it
    manager_a: object
    manager_b: object
    regional_a: object  # regional officer of region_a
    regional_b: object
    reviewer_1: object
    reviewer_2: object
    officer: object
    outsider: object  # signed in, no role


def make_call(programme=None, *, opens_in_days: float = -1, closes_in_days: float = 14, form=True, **overrides):
    """A published call; negative `opens_in_days` means it opened that many days ago. With `form`, version 1 of
    the default form (frozen when the call has opened)."""
    programme = programme or ProgrammeFactory()
    now = timezone.now().replace(microsecond=0)
    values = {
        "programme": programme,
        "slug": f"utlysning-{Call.objects.count() + 1}",
        "title_sv": "Utlysning för klusterorganisationer",
        "title_en": "Call for cluster organisations",
        "text_sv": "Klusterorganisationer kan söka stöd.",
        "text_en": "Cluster organisations may apply for support.",
        "eligibility_sv": "Klusterorganisationer med organisationsnummer.",
        "eligibility_en": "Cluster organisations with an organisation number.",
        "opens_at": now + datetime.timedelta(days=opens_in_days),
        "closes_at": now + datetime.timedelta(days=closes_in_days),
        "target_selections": 2,
        "is_published": True,
        "notify_decisions": ["selected", "reserve", "rejected"],
        **overrides,
    }
    call = Call.objects.create(**values)
    if form:
        FormVersion.objects.create(
            call=call,
            number=1,
            definition=copy.deepcopy(DEFAULT_FORM),
            frozen_at=call.opens_at if call.opens_at <= now else None,
        )
    return call


def make_criteria(call) -> list:
    rows = [
        ("relevance", "Relevans", "Relevance", 2, False),
        ("quality", "Kvalitet", "Quality", 1, False),
        ("international", "Internationell förmåga", "International capacity", 1, True),
    ]
    return [
        ReviewCriterion.objects.create(
            call=call, code=code, label_sv=sv, label_en=en, weight=weight, allows_na=na, position=position
        )
        for position, (code, sv, en, weight, na) in enumerate(rows)
    ]


def build_world(prefix: str = "cw") -> World:
    region_a = RegionFactory(code=f"{prefix}A")
    region_b = RegionFactory(code=f"{prefix}B")
    cluster_a = ClusterFactory(slug=f"{prefix}-cluster-a", regions=[region_a])
    cluster_b = ClusterFactory(slug=f"{prefix}-cluster-b", regions=[region_b])
    programme = ProgrammeFactory(slug=f"{prefix}-programme", is_published=True)
    call = make_call(programme, slug=f"{prefix}-call")
    criteria = make_criteria(call)
    phase = ReviewPhase.objects.create(call=call, name_sv="Bedömning", name_en="Review", position=0)
    call.current_phase = phase
    call.save(update_fields=["current_phase"])
    users = {}
    for name, role, scope in [
        ("manager_a", "cluster_manager", {"clusters": [cluster_a.slug]}),
        ("manager_b", "cluster_manager", {"clusters": [cluster_b.slug]}),
        ("regional_a", "regional_officer", {"regions": [region_a.code]}),
        ("regional_b", "regional_officer", {"regions": [region_b.code]}),
        ("reviewer_1", "reviewer", {}),
        ("reviewer_2", "reviewer", {}),
        ("officer", "officer", {}),
    ]:
        users[name] = UserFactory(email=f"{prefix}-{name}@example.org")
        grant_role(users[name], role, **scope)
    users["outsider"] = UserFactory(email=f"{prefix}-outsider@example.org")
    return World(
        programme=programme,
        call=call,
        form=call.form_versions.get(),
        criteria=criteria,
        phase=phase,
        region_a=region_a,
        region_b=region_b,
        cluster_a=cluster_a,
        cluster_b=cluster_b,
        **users,
    )
