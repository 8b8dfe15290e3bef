"""The personal-data lookup, export and erasure (registry/people.py) reach what the calls module holds: invitations
to edit an application (by address), a reviewer's reviews and declarations, a regional officer's endorsements."""

from django.utils import timezone

from klusterplattform.calls.models import Application, ApplicationEditor, Endorsement, Review, ReviewAssignment
from klusterplattform.registry import people

from .calls_world import build_world


def _application(world):
    return Application.objects.create(call=world.call, cluster=world.cluster_a, form_version=world.form)


def test_an_invited_colleague_without_an_account_is_found_exported_and_erased(db):
    world = build_world()
    application = _application(world)
    ApplicationEditor.objects.create(application=application, email="Kollega@Example.org", invited_by=world.manager_a)

    assert people.find("kollega@example.org").elsewhere["application_invitations"] == 1
    data = people.export("kollega@example.org")
    assert data["application_invitations"]["records"][0]["call"] == world.call.slug

    report = people.erase("kollega@example.org")

    assert report.elsewhere == 1
    assert not ApplicationEditor.objects.exists()
    assert Application.objects.filter(pk=application.pk).exists()  # the application is the cluster's
    assert people.find("kollega@example.org").is_empty


def test_the_export_lists_a_reviewers_reviews_and_a_regional_officers_endorsements(db):
    world = build_world()
    application = _application(world)
    assignment = ReviewAssignment.objects.create(application=application, reviewer=world.reviewer_1)
    Review.objects.create(assignment=assignment, scores={"relevance": 4}, submitted_at=timezone.now())
    Endorsement.objects.create(
        application=application,
        region=world.region_a,
        status="declined",
        reason="Not in our strategy.",
        decided_by=world.regional_a,
        decided_at=timezone.now(),
    )

    reviewer = people.export(world.reviewer_1.email)
    regional = people.export(world.regional_a.email)

    assert reviewer["application_reviews"]["records"][0]["scores"] == {"relevance": 4}
    assert regional["regional_endorsements"]["records"][0]["reason"] == "Not in our strategy."
    assert people.export(world.reviewer_2.email)["application_reviews"]["records"] == []
