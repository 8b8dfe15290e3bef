"""Assessment round pages: the list, creating a round, a round's clusters and starting an assessment."""

import datetime

import pytest

from klusterplattform.excellence.models import Answer, Assessment, AssessmentRound, CatalogueVersion
from klusterplattform.registry.tests.factories import MembershipFactory

from . import assessment_pages_world
from .assessment_pages_world import signed_in
from .factories import CatalogueFactory, RoundFactory, small_catalogue

pytestmark = pytest.mark.django_db
world = assessment_pages_world.world  # the fixture

ROUND = {
    "slug": "silver-2027",
    "name_sv": "Silver 2027",
    "name_en": "Silver 2027",
    "opens_on": "2027-03-01",
    "closes_on": "2027-04-30",
}


def test_the_rounds_list_shows_the_rounds_to_everyone_with_a_role_in_the_workflow(client, world):
    for persona in ("manager", "assessor", "regional_in", "officer"):
        response = signed_in(client, world["users"][persona]).get("/en/bedomningsomgangar/")
        assert response.status_code == 200
        assert "Benchmarking" in response.text


def test_a_round_of_an_unpublished_programme_is_only_for_staff(client, world):
    world["programme"].is_published = False
    world["programme"].save()
    assert signed_in(client, world["users"]["manager"]).get("/bedomningsomgangar/bronze-2026/").status_code == 404
    assert signed_in(client, world["users"]["officer"]).get("/bedomningsomgangar/bronze-2026/").status_code == 200


def test_an_officer_creates_a_round_with_the_newest_catalogue_offered_first(client, world):
    newest = CatalogueFactory(code="newest")
    client = signed_in(client, world["users"]["officer"])
    form = client.get("/en/bedomningsomgangar/ny/").context["form"]
    assert form["catalogue"].value() == newest.pk
    data = {**ROUND, "programme": world["programme"].pk, "catalogue": newest.pk}
    response = client.post("/en/bedomningsomgangar/ny/", data)
    assert response.status_code == 302 and response["Location"].endswith("/bedomningsomgangar/silver-2027/")
    assert AssessmentRound.objects.get(slug="silver-2027").catalogue == newest


def test_a_round_cannot_close_before_it_opens(client, world):
    data = {**ROUND, "closes_on": "2027-02-01", "programme": world["programme"].pk}
    data["catalogue"] = CatalogueVersion.objects.first().pk
    response = signed_in(client, world["users"]["officer"]).post("/en/bedomningsomgangar/ny/", data)
    assert response.status_code == 200
    assert "The round cannot close before it opens." in response.text
    assert not AssessmentRound.objects.filter(slug="silver-2027").exists()


def test_only_officers_create_rounds(client, world):
    assert signed_in(client, world["users"]["manager"]).get("/bedomningsomgangar/ny/").status_code == 403


def test_officers_see_every_cluster_of_the_programme_in_a_round(client, world):
    response = signed_in(client, world["users"]["officer"]).get("/en/bedomningsomgangar/bronze-2026/")
    rows = {row["cluster"].slug: row for row in response.context["rows"]}
    assert set(rows) == {"eget", "annat"}
    assert rows["eget"]["assessment"] == world["draft"] and rows["annat"]["assessment"] is None


def test_a_manager_sees_only_their_own_clusters_row_with_a_start_button(client, world):
    world["draft"].delete()
    response = signed_in(client, world["users"]["manager"]).get("/en/bedomningsomgangar/bronze-2026/")
    assert [row["cluster"].slug for row in response.context["rows"]] == ["eget"]
    assert "Start the self-assessment of Eget kluster" in response.text


def test_a_manager_starts_their_clusters_assessment_prefilled_from_the_registry(client, world):
    world["draft"].delete()
    default = CatalogueVersion.objects.get(code="kp-2026")
    later = RoundFactory(slug="autumn", programme=world["programme"], catalogue=default)
    MembershipFactory.create_batch(3, cluster=world["own"])
    response = signed_in(client, world["users"]["manager"]).post(
        "/en/bedomningsomgangar/autumn/starta/", {"cluster": "eget"}
    )
    assessment = Assessment.objects.get(round=later, cluster=world["own"])
    assert response.status_code == 302 and response["Location"] == f"/en/bedomningar/{assessment.pk}/"
    assert assessment.status == "draft" and assessment.catalogue == default
    prefilled = Answer.objects.get(assessment=assessment, indicator__code="STR-01")
    assert prefilled.is_prefilled and prefilled.number == 3


def test_starting_again_leads_to_the_existing_assessment_with_a_message(client, world):
    client = signed_in(client, world["users"]["manager"])
    response = client.post("/en/bedomningsomgangar/bronze-2026/starta/", {"cluster": "eget"}, follow=True)
    assert response.redirect_chain[-1][0] == f"/en/bedomningar/{world['draft'].pk}/"
    assert "Eget kluster already has a self-assessment in this round" in response.text
    assert Assessment.objects.filter(round=world["round"], cluster=world["own"]).count() == 1


def test_a_manager_cannot_start_another_clusters_assessment(client, world):
    client = signed_in(client, world["users"]["manager"])
    assert client.post("/bedomningsomgangar/bronze-2026/starta/", {"cluster": "annat"}).status_code == 403
    other = signed_in(client, world["users"]["other_manager"])
    assert other.post("/bedomningsomgangar/bronze-2026/starta/", {"cluster": "eget"}).status_code == 404
    assert not Assessment.objects.filter(cluster=world["other"]).exists()


def test_an_officer_starts_any_clusters_assessment(client, world):
    response = signed_in(client, world["users"]["officer"]).post(
        "/bedomningsomgangar/bronze-2026/starta/", {"cluster": "annat"}
    )
    assert response.status_code == 302
    assert Assessment.objects.filter(round=world["round"], cluster=world["other"]).exists()


def test_the_rounds_list_pages_with_a_fixed_number_of_queries(client, world, django_assert_max_num_queries):
    catalogue = small_catalogue()
    for number in range(30):
        RoundFactory(
            slug=f"r-{number}", programme=world["programme"], catalogue=catalogue, opens_on=datetime.date(2020, 1, 1)
        )
    client = signed_in(client, world["users"]["manager"])
    with django_assert_max_num_queries(8):
        response = client.get("/bedomningsomgangar/?page=2")
    assert response.status_code == 200
