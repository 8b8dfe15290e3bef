"""Test data of the decision tests (no tests here): a published programme with a closed call and applications in
review from three clusters, and the personas.

    world = build_world()
    application = world.applications["own"]   # in review, from world.own (managed by world.manager)
"""

import datetime
from dataclasses import dataclass, field

from django.utils import timezone

from klusterplattform.calls.models import Application, ApplicationEditor, Call, FormVersion, ReviewAssignment
from klusterplattform.registry.grants import grant_role
from klusterplattform.registry.tests.factories import ClusterFactory, ProgrammeFactory, RegionFactory, UserFactory


@dataclass
class World:
    programme: object
    call: object
    region: object
    own: object
    other: object
    third: object
    manager: object  # manages `own`
    other_manager: object  # manages `other`
    regional: object  # regional officer of the region the applications name
    reviewer: object  # assigned to every application
    officer: object
    admin: object
    outsider: object
    editor: object  # invited to edit own's application
    applications: dict = field(default_factory=dict)


def make_call(programme, slug="dec-call", **fields) -> Call:
    now = timezone.now()
    values = {
        "programme": programme,
        "slug": slug,
        "title_sv": "Utlysning för kluster",
        "title_en": "Call for clusters",
        "opens_at": now - datetime.timedelta(days=60),
        "closes_at": now - datetime.timedelta(days=20),
        "target_selections": 2,
        "notify_decisions": ["selected", "reserve", "rejected"],
        "is_published": True,
        **fields,
    }
    call = Call.objects.create(**values)
    FormVersion.objects.create(call=call, number=1, definition={}, frozen_at=values["opens_at"])
    return call


def make_application(call, cluster, status="in_review", regions=()) -> Application:
    application = Application.objects.create(
        call=call,
        cluster=cluster,
        form_version=call.form_versions.first(),
        status=status,
        submitted_at=timezone.now() - datetime.timedelta(days=25),
    )
    if regions:
        application.regions.set(regions)
    return application


def build_world(prefix: str = "dec") -> World:
    region = RegionFactory(code=f"{prefix}1")
    own = ClusterFactory(slug=f"{prefix}-own", name="Alfa kluster", regions=[region])
    other = ClusterFactory(slug=f"{prefix}-other", name="Beta kluster", regions=[region])
    third = ClusterFactory(slug=f"{prefix}-third", name="Gamma kluster", regions=[region])
    programme = ProgrammeFactory(slug=f"{prefix}-programme", is_published=True)
    call = make_call(programme, slug=f"{prefix}-call")
    users = {}
    for name, role, scope in [
        ("manager", "cluster_manager", {"clusters": [own.slug]}),
        ("other_manager", "cluster_manager", {"clusters": [other.slug]}),
        ("regional", "regional_officer", {"regions": [region.code]}),
        ("reviewer", "reviewer", {}),
        ("officer", "officer", {}),
        ("admin", "admin", {}),
    ]:
        users[name] = UserFactory(email=f"{prefix}-{name}@example.org")
        grant_role(users[name], role, **scope)
    users["outsider"] = UserFactory(email=f"{prefix}-outsider@example.org")
    users["editor"] = UserFactory(email=f"{prefix}-editor@example.org")
    world = World(programme=programme, call=call, region=region, own=own, other=other, third=third, **users)
    for key, cluster in (("own", own), ("other", other), ("third", third)):
        application = make_application(call, cluster, regions=[region])
        ReviewAssignment.objects.create(application=application, reviewer=world.reviewer)
        world.applications[key] = application
    ApplicationEditor.objects.create(
        application=world.applications["own"], email=world.editor.email, user=world.editor, invited_by=world.manager
    )
    return world
