"""A small world for the review tests: one closed call with two criteria and a review phase, three applications
(two in review, one draft), an officer, three reviewers, a cluster manager and a regional officer."""

import datetime
from types import SimpleNamespace

from django.utils import timezone

from klusterplattform.calls.models import Application, Call, FormVersion, ReviewCriterion, ReviewPhase
from klusterplattform.registry.grants import grant_role
from klusterplattform.registry.tests.factories import ClusterFactory, ProgrammeFactory, RegionFactory, UserFactory

DEFINITION = {
    "sections": [
        {
            "code": "plan",
            "title_sv": "Planen",
            "title_en": "The plan",
            "fields": [
                {"code": "mission", "kind": "textarea", "label_sv": "Uppdrag", "label_en": "Mission", "required": True}
            ],
        }
    ]
}
NAME_A, ORGNR_A = "Norrsken Batteriallians", "556677-8899"
NAME_B = "Solgläntan Livsmedelskluster"


def build(*, visibility="after_own", hide_applicants=False, published=True) -> SimpleNamespace:
    north, south = RegionFactory(code="25"), RegionFactory(code="12")
    programme = ProgrammeFactory(slug="review-programme", is_published=True)
    now = timezone.now()
    call = Call.objects.create(
        programme=programme,
        slug="review-call",
        title_sv="Granskningsutlysning",
        title_en="Review call",
        opens_at=now - datetime.timedelta(days=30),
        closes_at=now - datetime.timedelta(days=1),
        is_published=published,
    )
    form_version = FormVersion.objects.create(call=call, number=1, definition=DEFINITION, frozen_at=now)
    impact = ReviewCriterion.objects.create(
        call=call, code="impact", label_sv="Effekt", label_en="Impact", weight=2, scale_min=1, scale_max=5, position=1
    )
    capacity = ReviewCriterion.objects.create(
        call=call,
        code="capacity",
        label_sv="Förmåga",
        label_en="Capacity",
        weight=1,
        scale_min=0,
        scale_max=3,
        allows_na=True,
        comment_required=False,
        position=2,
    )
    phase = ReviewPhase.objects.create(
        call=call, name_sv="Fas 1", name_en="Phase 1", visibility=visibility, hide_applicants=hide_applicants
    )
    call.current_phase = phase
    call.save()
    cluster_a = ClusterFactory(name=NAME_A, organisation_number=ORGNR_A, regions=[north])
    cluster_b = ClusterFactory(name=NAME_B, regions=[south])
    cluster_c = ClusterFactory(name="Utkastklustret", regions=[north])

    def application(cluster, status, region, mission):
        app = Application.objects.create(
            call=call, cluster=cluster, form_version=form_version, status=status, answers={"mission": mission}
        )
        app.regions.set([region])
        return app

    app_a = application(cluster_a, "in_review", north, "We build battery value chains in the north.")
    app_b = application(cluster_b, "in_review", south, "Food from the south.")
    app_draft = application(cluster_c, "draft", north, "Not yet.")
    users = {}
    for name, role, scope in [
        ("officer", "officer", {}),
        ("rev1", "reviewer", {}),
        ("rev2", "reviewer", {}),
        ("rev3", "reviewer", {}),
        ("manager_a", "cluster_manager", {"clusters": [cluster_a.slug]}),
        ("regional_in", "regional_officer", {"regions": ["25"]}),
    ]:
        users[name] = UserFactory(email=f"{name}@example.org", full_name=f"Person {name}")
        grant_role(users[name], role, **scope)
    users["outsider"] = UserFactory(email="outsider@example.org", full_name="Person outsider")
    return SimpleNamespace(
        call=call,
        phase=phase,
        criteria=[impact, capacity],
        north=north,
        south=south,
        cluster_a=cluster_a,
        cluster_b=cluster_b,
        app_a=app_a,
        app_b=app_b,
        app_draft=app_draft,
        form_version=form_version,
        **users,
    )


def assign(application, reviewer, *, declared=True):
    from klusterplattform.calls.models import ReviewAssignment

    return ReviewAssignment.objects.create(
        application=application, reviewer=reviewer, no_conflict_declared_at=timezone.now() if declared else None
    )


def submitted(assignment, scores, comments=None):
    from klusterplattform.calls.models import Review

    return Review.objects.create(
        assignment=assignment,
        scores=scores,
        comments=comments if comments is not None else dict.fromkeys(scores, "Well argued."),
        submitted_at=timezone.now(),
    )


def test_the_world_builds(db):
    world = build()
    assert world.call.current_phase == world.phase
    assert Application.objects.filter(call=world.call).count() == 3


def en(name: str, *args) -> str:
    """The English page's URL (/en/…), for tests that read English text."""
    from django.urls import reverse
    from django.utils import translation

    with translation.override("en"):
        return reverse(name, args=args)
