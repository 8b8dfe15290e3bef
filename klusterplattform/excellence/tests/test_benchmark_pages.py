"""The benchmark page, its PDF and the API: who may see them, what they show, in both languages."""

import io

import pytest
from pypdf import PdfReader

from klusterplattform.excellence import peers
from klusterplattform.excellence.tests.benchmark_world import assessment, numeric_catalogue, population
from klusterplattform.registry.grants import grant_role
from klusterplattform.registry.tests.factories import ClusterFactory, EcosystemFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    catalogue = numeric_catalogue()
    health = EcosystemFactory(code="health", name_sv="Hälsa", name_en="Health")
    population(catalogue, [10, 20, 30, 40, 50])
    for value in (11, 12):  # a health group of two others: too small to show
        assessment(catalogue, {"N1": value}, cluster=ClusterFactory(ecosystems=[health]))
    cluster = ClusterFactory(name="Göteborgs Hälsokluster", slug="goteborgs-halsokluster", ecosystems=[health])
    assessor = UserFactory()
    grant_role(assessor, "assessor")
    mine = assessment(catalogue, {"N1": 12, "N2": 15, "Y1": True}, cluster=cluster)
    mine.assessor = assessor
    mine.save()
    peers.rebuild_all()
    owner, other = UserFactory(), UserFactory()
    grant_role(owner, "cluster_manager", clusters=[cluster.slug])
    grant_role(other, "cluster_manager", clusters=[ClusterFactory().slug])
    officer = UserFactory()
    grant_role(officer, "officer")
    return {
        "catalogue": catalogue,
        "mine": mine,
        "owner": owner,
        "other": other,
        "assessor": assessor,
        "officer": officer,
    }


def url(assessment, suffix="/", lang="/en"):
    return f"{lang}/bedomningar/{assessment.pk}/benchmark{suffix}"


@pytest.mark.parametrize(("persona", "status"), [("owner", 200), ("assessor", 200), ("officer", 200), ("other", 404)])
def test_who_sees_the_benchmark_page(client, world, persona, status):
    client.force_login(world[persona])
    assert client.get(url(world["mine"])).status_code == status


def test_anonymous_visitors_are_sent_to_sign_in(client, world):
    response = client.get(url(world["mine"]))
    assert response.status_code == 302 and "logga-in" in response["Location"]


def test_the_page_states_the_peers_source_and_count_and_shows_the_median(client, world):
    client.force_login(world["owner"])
    html = client.get(url(world["mine"])).content.decode()
    assert "validated self-assessments on Klusterplattform" in html
    assert "7 organisations (the cluster itself not counted)" in html
    assert "Profile by area" in html and "Recommendations" in html


def test_charts_are_named_images_with_the_numbers_in_tables(client, world):
    client.force_login(world["owner"])
    html = client.get(url(world["mine"])).content.decode()
    assert html.count('role="img"') >= 2  # the area profile and at least one indicator
    assert "<title id=" in html and "<desc id=" in html
    assert '<th scope="col">Indicator</th>' in html and "<caption>" in html


def test_the_group_selector_names_the_clusters_groups_in_words(client, world):
    client.force_login(world["owner"])
    html = client.get(url(world["mine"])).content.decode()
    assert 'name="group"' in html
    assert "Same industrial ecosystem: Health (2 organisations, too small to show)" in html
    assert "Same country: Sweden" in html


def test_a_small_group_is_not_shown_and_the_page_says_why(client, world):
    client.force_login(world["owner"])
    html = client.get(url(world["mine"]) + "?group=ecosystem:health").content.decode()
    assert "This peer group has 2 other organisations" in html
    assert "Profile by area" not in html


def test_a_real_assessment_page_never_uses_demo_peers(client, world):
    population(world["catalogue"], [900, 901, 902, 903, 904], is_demo=True)
    peers.rebuild_all()
    client.force_login(world["owner"])
    html = client.get(url(world["mine"])).content.decode()
    assert "7 organisations" in html and "fictional demo population" not in html and "904" not in html


def test_a_demo_assessment_page_says_its_peers_are_fictional(client, world):
    demo = assessment(world["catalogue"], {"N1": 3}, is_demo=True)
    population(world["catalogue"], [1, 2, 3, 4, 5], is_demo=True)
    peers.rebuild_all()
    client.force_login(world["officer"])
    html = client.get(url(demo)).content.decode()
    assert "a fictional demo population" in html and "5 organisations" in html


def test_a_submitted_assessment_shows_a_provisional_banner(client, world):
    submitted = assessment(world["catalogue"], {"N1": 25}, status="submitted")
    client.force_login(world["officer"])
    html = client.get(url(submitted)).content.decode()
    assert "Provisional" in html and "Profile by area" in html


def test_a_draft_has_no_benchmark_and_says_so(client, world):
    draft = assessment(world["catalogue"], {"N1": 25}, status="draft")
    client.force_login(world["officer"])
    html = client.get(url(draft)).content.decode()
    assert "has no benchmark yet" in html and "Profile by area" not in html


def test_the_page_takes_a_fixed_number_of_queries(client, world, django_assert_max_num_queries):
    client.force_login(world["owner"])
    with django_assert_max_num_queries(13):
        assert client.get(url(world["mine"])).status_code == 200


def pdf_text(response) -> str:
    return "".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)


@pytest.mark.parametrize(("lang", "first_quartile"), [("sv", "11,5"), ("en", "11.5")])
def test_the_pdf_holds_the_clusters_name_and_figures_in_either_language(client, world, lang, first_quartile):
    client.force_login(world["owner"])
    response = client.get(url(world["mine"], ".pdf", lang="") + f"?lang={lang}")
    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(response)
    assert "Göteborgs Hälsokluster" in text
    # N1's peers without the own 12: 10 11 12 20 30 40 50; Q1 = 11.5, written as the language writes decimals
    assert first_quartile in text


def test_the_pdf_of_an_invisible_assessment_is_not_found(client, world):
    client.force_login(world["other"])
    assert client.get(url(world["mine"], ".pdf", lang="")).status_code == 404


def api(client, assessment, group="all", **headers):
    return client.get(
        f"/api/v1/assessments/{assessment.pk}/benchmark?peer_group={group}", HTTP_ACCEPT_LANGUAGE="en", **headers
    )


def test_the_api_answers_the_report_as_json(client, world):
    client.force_login(world["owner"])
    data = api(client, world["mine"]).json()
    n1 = next(i for i in data["indicators"] if i["code"] == "N1")
    assert data["peer_count"] == 7 and data["shown"] and data["source"].startswith("validated")
    assert n1["median"] == 20.0 and n1["n"] == 7  # 10 11 12 12 20 30 40 50 without the own 12
    assert {g["key"] for g in data["groups"]} == {"all", "ecosystem:health", "country:SE", "size:m"}


def test_the_api_refuses_anonymous_hides_foreign_and_conflicts_on_drafts(client, world):
    assert api(client, world["mine"]).status_code == 401
    client.force_login(world["other"])
    assert api(client, world["mine"]).status_code == 404
    client.force_login(world["officer"])
    draft = assessment(world["catalogue"], {"N1": 1}, status="draft")
    assert api(client, draft).status_code == 409


@pytest.mark.parametrize("group", ["bogus", "ecosystem:not-mine"])
def test_the_api_answers_422_for_a_group_that_is_not_the_clusters(client, world, group):
    client.force_login(world["owner"])
    response = api(client, world["mine"], group)
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["query", "peer_group"]


def test_the_api_says_a_small_group_is_not_shown(client, world):
    client.force_login(world["owner"])
    data = api(client, world["mine"], "ecosystem:health").json()
    assert data["shown"] is False and data["indicators"] == [] and data["peer_count"] == 2
