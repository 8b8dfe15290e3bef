"""The admin respects catalogue immutability: a used version and its indicators are read-only there too."""

import pytest
from django.contrib.admin.sites import site

from klusterplattform.excellence.models import Assessment, CatalogueVersion, Indicator
from klusterplattform.excellence.tests.factories import AssessmentFactory, RoundFactory, small_catalogue

pytestmark = pytest.mark.django_db


@pytest.fixture
def used():
    catalogue = small_catalogue(code="used")
    AssessmentFactory(round=RoundFactory(catalogue=catalogue))
    return catalogue


def test_a_used_version_is_shown_read_only(admin_client, used):
    url = f"/en/admin/excellence/catalogueversion/{used.pk}/change/"
    response = admin_client.get(url)
    assert response.status_code == 200
    assert not response.context["has_change_permission"]
    assert not response.context["has_delete_permission"]
    response = admin_client.post(url, {"code": "renamed", "name_sv": "x", "name_en": "x"})
    assert response.status_code == 403
    assert CatalogueVersion.objects.get(pk=used.pk).code == "used"


def test_an_indicator_of_a_used_version_cannot_be_changed_or_deleted_in_the_admin(admin_client, used):
    indicator = used.indicators.get(code="S1")
    assert admin_client.post(f"/en/admin/excellence/indicator/{indicator.pk}/change/", {}).status_code == 403
    assert (
        admin_client.post(f"/en/admin/excellence/indicator/{indicator.pk}/delete/", {"post": "yes"}).status_code == 403
    )
    assert Indicator.objects.filter(pk=indicator.pk).exists()


def test_the_bulk_delete_action_is_not_offered_for_versions_or_indicators(admin_client, used):
    for model in ("catalogueversion", "indicator"):
        response = admin_client.get(f"/en/admin/excellence/{model}/")
        assert "delete_selected" not in response.content.decode(), model


def test_a_new_indicator_can_only_be_added_to_an_unused_version(admin_client, used):
    unused = small_catalogue(code="unused")
    response = admin_client.get("/en/admin/excellence/indicator/add/")
    choices = response.context["adminform"].form.fields["catalogue"].queryset
    assert unused in choices and used not in choices


def test_an_unused_version_can_still_be_changed_in_the_admin(admin_client):
    unused = small_catalogue(code="draft")
    response = admin_client.get(f"/en/admin/excellence/catalogueversion/{unused.pk}/change/")
    assert response.context["has_change_permission"]


def test_an_assessments_status_is_read_only_in_the_admin(admin_client, used):
    assessment = Assessment.objects.get(catalogue=used)
    model_admin = site._registry[Assessment]
    assert "status" in model_admin.get_readonly_fields(None, assessment)


@pytest.mark.parametrize(
    "model",
    ["label", "labelrule", "readinesscriterion", "assessmentround", "assessment", "catalogueversion", "indicator"],
)
def test_each_excellence_admin_list_opens(admin_client, model):
    assert admin_client.get(f"/en/admin/excellence/{model}/").status_code == 200
