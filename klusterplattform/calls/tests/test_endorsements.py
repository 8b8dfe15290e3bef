"""Regional endorsement: the region's officer confirms (with one of THAT region's S3 priority areas) or declines
(with a reason); admission to review waits for every named region's confirmation when the call requires it."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import translation

from klusterplattform.calls import endorsements, workflow
from klusterplattform.calls.models import Call, Endorsement
from klusterplattform.calls.tests.application_fixtures import draft, priority_area
from klusterplattform.calls.tests.calls_world import build_world
from klusterplattform.calls.workflow import TransitionRefused

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def swedish():
    with translation.override("sv"):
        yield


@pytest.fixture
def world(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return build_world()


def _submitted(world, regions=None):
    application = draft(world, regions=regions or [world.region_a])
    workflow.transition(application, world.manager_a, "submit")
    return application


def test_the_regional_officer_confirms_with_a_priority_area_of_their_region(world):
    application = _submitted(world)
    endorsement = application.endorsements.get()
    area = priority_area(world.region_a)
    endorsements.confirm(endorsement, world.regional_a, area)
    endorsement.refresh_from_db()
    assert (endorsement.status, endorsement.priority_area, endorsement.decided_by) == (
        "confirmed",
        area,
        world.regional_a,
    )
    assert endorsement.decided_at is not None


def test_a_priority_area_of_another_region_is_refused(world):
    application = _submitted(world)
    endorsement = application.endorsements.get()
    with pytest.raises(ValidationError):
        endorsements.confirm(endorsement, world.regional_a, priority_area(world.region_b))
    endorsement.refresh_from_db()
    assert endorsement.status == "pending" and endorsement.priority_area is None


def test_declining_needs_a_reason(world):
    application = _submitted(world)
    endorsement = application.endorsements.get()
    with pytest.raises(ValidationError):
        endorsements.decline(endorsement, world.regional_a, "  ")
    endorsements.decline(endorsement, world.regional_a, "Inte prioriterat i vår strategi")
    endorsement.refresh_from_db()
    assert endorsement.status == "declined" and endorsement.reason == "Inte prioriterat i vår strategi"


@pytest.mark.parametrize("persona", ["regional_b", "manager_a", "officer", "reviewer_1", "outsider"])
def test_only_the_regions_officer_answers(world, persona):
    application = _submitted(world)
    endorsement = application.endorsements.get()
    with pytest.raises(PermissionDenied):
        endorsements.confirm(endorsement, getattr(world, persona), priority_area(world.region_a))
    with pytest.raises(PermissionDenied):
        endorsements.decline(endorsement, getattr(world, persona), "Nej")
    endorsement.refresh_from_db()
    assert endorsement.status == "pending"


def test_admission_waits_for_the_region_and_a_decline_blocks_it(world):
    application = _submitted(world, regions=[world.region_a, world.region_b])
    workflow.transition(application, world.officer, "check")
    with translation.override("en"), pytest.raises(TransitionRefused) as refused:
        workflow.transition(application, world.officer, "admit")
    assert "Waiting for the region to confirm the priority" in refused.value.messages[0]
    endorsements.confirm(
        application.endorsements.get(region=world.region_a), world.regional_a, priority_area(world.region_a)
    )
    endorsements.decline(application.endorsements.get(region=world.region_b), world.regional_b, "Inte hos oss")
    with translation.override("en"), pytest.raises(TransitionRefused) as refused:
        workflow.transition(application, world.officer, "admit")
    assert "The region declined to confirm the priority" in refused.value.messages[0]
    assert world.region_b.name_en in refused.value.messages[0]
    application.refresh_from_db()
    assert application.status == "eligibility_check"
    endorsements.confirm(
        application.endorsements.get(region=world.region_b), world.regional_b, priority_area(world.region_b)
    )
    workflow.transition(application, world.officer, "admit")
    application.refresh_from_db()
    assert application.status == "in_review"
    # Once admitted, the region's answer stays as it was.
    with pytest.raises(ValidationError):
        endorsements.decline(application.endorsements.get(region=world.region_b), world.regional_b, "Ångrar")


def test_a_call_without_endorsement_admits_without_the_region(world):
    Call.objects.filter(pk=world.call.pk).update(requires_endorsement=False)
    application = _submitted(world)
    workflow.transition(application, world.officer, "check")
    workflow.transition(application, world.officer, "admit")
    application.refresh_from_db()
    assert application.status == "in_review"


def test_the_list_shows_the_regions_pending_endorsements(client, world, django_assert_max_num_queries):
    mine = _submitted(world)
    draft(world, cluster=world.cluster_b, complete=False, regions=[world.region_a])  # a draft asks nobody yet
    client.force_login(world.regional_a)
    with django_assert_max_num_queries(10):
        page = client.get("/en" + reverse("calls:endorsements"))
    assert page.status_code == 200
    text = page.content.decode()
    assert world.cluster_a.name in text and world.cluster_b.name not in text
    client.force_login(world.regional_b)
    assert world.cluster_a.name not in client.get(reverse("calls:endorsements")).content.decode()
    assert mine.pk


def test_the_list_is_for_regional_officers(client, world):
    client.force_login(world.manager_a)
    assert client.get(reverse("calls:endorsements")).status_code == 403
    client.logout()
    assert client.get(reverse("calls:endorsements")).status_code == 302


def test_the_regional_officer_confirms_on_the_page(client, world):
    application = _submitted(world)
    endorsement = application.endorsements.get()
    area = priority_area(world.region_a)
    other_area = priority_area(world.region_b)
    client.force_login(world.regional_a)
    url = "/en" + reverse("calls:endorsement", args=[endorsement.pk])
    page = client.get(url).content.decode()
    assert area.title_en in page and other_area.title_en not in page  # only the region's own areas
    refused = client.post(url, {"decision": "confirm", "priority_area": other_area.pk})
    assert refused.status_code == 200 and "There is a problem" in refused.content.decode()
    declined = client.post(url, {"decision": "decline", "reason": ""})
    assert "There is a problem" in declined.content.decode()
    endorsement.refresh_from_db()
    assert endorsement.status == "pending"
    response = client.post(url, {"decision": "confirm", "priority_area": area.pk})
    assert response.status_code == 302
    endorsement.refresh_from_db()
    assert endorsement.status == "confirmed" and endorsement.priority_area == area


@pytest.mark.parametrize("persona", ["regional_b", "manager_a", "officer", "outsider"])
def test_others_do_not_find_the_endorsement_page(client, world, persona):
    endorsement = _submitted(world).endorsements.get()
    client.force_login(getattr(world, persona))
    response = client.post(
        reverse("calls:endorsement", args=[endorsement.pk]), {"decision": "decline", "reason": "Nej"}
    )
    assert response.status_code == 404
    assert Endorsement.objects.get().status == "pending"
