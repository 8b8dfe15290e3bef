"""Helpers for the application tests: complete answers to the default form, a small PDF, an application in any
status (made through the workflow, never by setting `status`), and a region's S3 priority area."""

import datetime

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from klusterplattform.calls import applying, endorsements, workflow
from klusterplattform.calls.models import Application
from klusterplattform.registry.tests.factories import S3PriorityAreaFactory

COMPLETE_ANSWERS = {
    "mission": "Vi stärker regionens livsmedelsföretag.",
    "staff": 4,
    "members": 120,
    "s3_area": "Hållbar livsmedelsproduktion",
    "s3_contribution": "Klustret samlar företag och forskning inom området.",
    "focus": ["strategy", "green"],
    "goals": "Fler medlemmar och internationella projekt.",
    "international_level": "some",
    "budget": [{"item": "Personal", "amount": 500000}],
}

# The same answers as the edit page posts them.
COMPLETE_POST = {
    **{k: v for k, v in COMPLETE_ANSWERS.items() if k not in ("focus", "budget", "staff", "members")},
    "staff": "4",
    "members": "120",
    "focus": ["strategy", "green"],
    "budget-0-item": "Personal",
    "budget-0-amount": "500000",
}


def pdf(name: str = "strategi.pdf", size: int = 0) -> SimpleUploadedFile:
    content = b"%PDF-1.4\n% test\n" + b"0" * size
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def priority_area(region, code=None):
    return S3PriorityAreaFactory(region=region, code=code or f"area-{region.code.lower()}")


def draft(world, *, cluster=None, manager=None, complete=True, regions=None) -> Application:
    cluster = cluster or world.cluster_a
    manager = manager or (world.manager_a if cluster == world.cluster_a else world.manager_b)
    application, _created = applying.start(manager, world.call, cluster)
    if complete:
        applying.save_draft(application, manager, answers=dict(COMPLETE_ANSWERS))
        applying.attach(application, manager, "strategy_document", pdf())
    if regions is not None:
        applying.save_draft(application, manager, regions=regions)
    return application


STEPS = {
    "submitted": ["submit"],
    "eligibility_check": ["submit", "check"],
    "in_review": ["submit", "check", "admit"],
    "withdrawn": ["withdraw"],
    "rejected": ["submit", "check", "reject_ineligible"],
    "selected": ["submit", "check", "admit", "select"],
    "reserve": ["submit", "check", "admit", "reserve"],
}


def application_in(world, status: str, **draft_options) -> Application:
    """An application of cluster A moved to `status` through the workflow (the region confirms on the way)."""
    application = draft(world, **draft_options)
    manager = world.manager_a
    for code in STEPS.get(status, []):
        if code == "admit":
            area = priority_area(world.region_a)
            for endorsement in application.endorsements.all():
                endorsements.confirm(endorsement, world.regional_a, area)
        user = manager if code in ("submit", "withdraw") else world.officer
        workflow.transition(application, user, code, "Motivering")
    application.refresh_from_db()
    assert application.status == status
    return application


def at(moment: datetime.datetime):
    """A patch target for freezing the clock: `with at(t): ...` makes timezone.now() return t."""
    from unittest import mock

    return mock.patch.object(timezone, "now", return_value=moment)
