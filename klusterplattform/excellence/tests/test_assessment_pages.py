"""The self-assessment pages: the list, an assessment's page, filling in an area, evidence files."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from klusterplattform.excellence.models import Answer, Evidence
from klusterplattform.registry.tests.factories import ClusterFactory

from . import assessment_pages_world
from .assessment_pages_world import at, complete, signed_in
from .factories import AssessmentFactory

pytestmark = pytest.mark.django_db
world = assessment_pages_world.world  # the fixture

PDF = b"%PDF-1.4\n% test\n"


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    """Uploaded evidence goes to a temporary directory, not var/media."""
    settings.MEDIA_ROOT = tmp_path


def area_url(assessment, area="structure"):
    return f"/en/bedomningar/{assessment.pk}/omrade/{area}/"


def test_the_list_holds_only_the_assessments_the_user_may_see(client, world):
    AssessmentFactory(round=world["round"], cluster=world["other"])
    mine = signed_in(client, world["users"]["manager"]).get("/en/bedomningar/")
    assert [a.cluster.slug for a in mine.context["page"].items] == ["eget"]
    everything = signed_in(client, world["users"]["officer"]).get("/en/bedomningar/")
    assert {a.cluster.slug for a in everything.context["page"].items} == {"eget", "annat"}


def test_the_list_filters_by_status_and_round(client, world):
    AssessmentFactory(round=world["round"], cluster=world["other"], status="submitted")
    client = signed_in(client, world["users"]["officer"])
    submitted = client.get("/en/bedomningar/?status=submitted")
    assert [a.cluster.slug for a in submitted.context["page"].items] == ["annat"]
    assert client.get("/en/bedomningar/?round=no-such-round").context["page"].total == 2  # unknown value ignored
    assert "No self-assessment matches these filters." in client.get("/en/bedomningar/?status=validated").text


def test_the_list_has_an_empty_state(client, world):
    response = signed_in(client, world["users"]["assessor"]).get("/en/bedomningar/")
    assert "You have no self-assessments to see yet." in response.text


@pytest.mark.parametrize("how_many", [3, 30])
def test_the_list_takes_the_same_number_of_queries_however_many_rows(
    client, world, how_many, django_assert_max_num_queries
):
    for cluster in ClusterFactory.create_batch(how_many):
        AssessmentFactory(round=world["round"], cluster=cluster, assessor=world["users"]["assessor"])
    client = signed_in(client, world["users"]["officer"])
    with django_assert_max_num_queries(9):
        response = client.get("/en/bedomningar/?page=1")
    assert len(response.context["page"].items) == min(how_many + 1, 20)


def test_the_assessment_page_shows_completeness_per_area_accessibly(client, world):
    client = signed_in(client, world["users"]["manager"])
    client.post(area_url(world["draft"]), {"S1": "12,5", "S2": "40"})
    response = client.get(f"/en/bedomningar/{world['draft'].pk}/")
    text = response.text
    assert "Structure of the cluster</a>: 2 of 2 answered" in text
    assert "Financing of the cluster management</a>: 0 of 3 answered" in text
    assert '<progress max="2" value="2" aria-labelledby="progress-structure">' in text
    assert "4 required indicators are still open." in text
    assert "12.5" in text


def test_prefilled_answers_are_marked_from_the_registry(client, world):
    Answer.objects.create(
        assessment=world["draft"],
        indicator=world["draft"].catalogue.indicators.get(code="S1"),
        number=7,
        is_prefilled=True,
    )
    response = signed_in(client, world["users"]["manager"]).get(f"/en/bedomningar/{world['draft'].pk}/")
    assert "From the registry" in response.text


def test_the_page_offers_the_transitions_the_user_may_make(client, world):
    url = f"/en/bedomningar/{world['draft'].pk}/"
    manager_page = signed_in(client, world["users"]["manager"]).get(url)
    assert [t.code for t in manager_page.context["transitions"]] == ["submit"]
    assert f"/en/bedomningar/{world['draft'].pk}/submit/" in manager_page.text
    assert signed_in(client, world["users"]["officer"]).get(url).context["transitions"] == []


def test_the_benchmark_link_appears_once_the_assessment_is_submitted(client, world):
    client = signed_in(client, world["users"]["manager"])
    url = f"/en/bedomningar/{world['draft'].pk}/"
    assert "/benchmark/" not in client.get(url).text
    at(world["draft"], "submitted")
    assert f"/en/bedomningar/{world['draft'].pk}/benchmark/" in client.get(url).text


def test_the_history_link_is_for_officers(client, world):
    url = f"/en/bedomningar/{world['draft'].pk}/"
    assert "History of changes" in signed_in(client, world["users"]["officer"]).get(url).text
    assert "History of changes" not in signed_in(client, world["users"]["manager"]).get(url).text


def test_the_area_form_builds_a_field_per_answer_type(client, world):
    client = signed_in(client, world["users"]["manager"])
    structure = client.get(area_url(world["draft"])).text
    assert 'inputmode="decimal"' in structure
    governance = client.get(area_url(world["draft"], "governance")).text
    assert 'type="radio" name="G1"' in governance and 'type="checkbox" name="G2"' in governance
    financing = client.get(area_url(world["draft"], "financing")).text
    assert 'type="radio" name="F1" value="yes"' in financing
    assert "<textarea" in financing and 'type="file" name="F3"' in financing


def test_a_manager_saves_an_area_with_a_decimal_comma(client, world):
    response = signed_in(client, world["users"]["manager"]).post(area_url(world["draft"]), {"S1": "12,5", "S2": "40"})
    assert response.status_code == 302
    assert world["draft"].answers.get(indicator__code="S1").number == pytest.approx(12.5)


def test_one_wrong_value_saves_nothing_and_is_shown_at_its_field(client, world):
    client = signed_in(client, world["users"]["manager"])
    response = client.post(area_url(world["draft"]), {"S1": "12", "S2": "140"})
    assert response.status_code == 200
    assert "Enter a value of at most 100" in response.text
    assert 'href="#id_S2"' in response.text  # the error summary links to the field
    assert not world["draft"].answers.exists()


def test_save_and_next_goes_to_the_following_area(client, world):
    response = signed_in(client, world["users"]["manager"]).post(area_url(world["draft"]), {"S1": "1", "next": ""})
    assert response["Location"] == area_url(world["draft"], "governance")


@pytest.mark.parametrize("persona", ["officer", "regional_in", "admin"])
def test_only_the_clusters_managers_fill_in_an_area(client, world, persona):
    response = signed_in(client, world["users"][persona]).get(area_url(world["draft"]))
    assert response.status_code == 403
    assert "own managers fill in its self-assessment" in response.text


@pytest.mark.parametrize("status", ["submitted", "under_validation", "validated"])
def test_an_assessment_that_is_not_a_draft_cannot_be_filled_in(client, world, status):
    at(world["draft"], status)
    client = signed_in(client, world["users"]["manager"])
    response = client.get(area_url(world["draft"]))
    assert response.status_code == 403
    assert "cannot be changed now" in response.text
    assert client.post(area_url(world["draft"]), {"S1": "1"}).status_code == 403
    assert not world["draft"].answers.exists()


def test_an_unknown_area_is_404(client, world):
    assert signed_in(client, world["users"]["manager"]).get(area_url(world["draft"], "nowhere")).status_code == 404


def test_evidence_is_uploaded_downloaded_by_who_may_see_and_removed_after_confirming(client, world):
    draft = world["draft"]
    manager = signed_in(client, world["users"]["manager"])
    upload = SimpleUploadedFile("strategi.pdf", PDF, content_type="application/pdf")
    assert manager.post(area_url(draft, "financing"), {"F3": upload}).status_code == 302
    evidence = Evidence.objects.get(assessment=draft)
    assert evidence.name == "strategi.pdf" and evidence.indicator.code == "F3"
    url = f"/en/bedomningar/{draft.pk}/underlag/{evidence.pk}/"
    assert b"".join(signed_in(client, world["users"]["regional_in"]).get(url).streaming_content) == PDF
    assert signed_in(client, world["users"]["other_manager"]).get(url).status_code == 404

    manager = signed_in(client, world["users"]["manager"])
    confirm = manager.get(url + "ta-bort/")
    assert confirm.status_code == 200 and "Remove the file strategi.pdf" in confirm.text
    assert Evidence.objects.filter(pk=evidence.pk).exists()
    assert manager.post(url + "ta-bort/").status_code == 302
    assert not Evidence.objects.filter(pk=evidence.pk).exists()


@pytest.mark.parametrize(
    ("name", "content"), [("program.exe", b"MZ\x90\x00"), ("fake.pdf", b"MZ\x90\x00"), ("bild.gif", b"GIF89a")]
)
def test_evidence_of_another_type_is_refused(client, world, name, content):
    upload = SimpleUploadedFile(name, content)
    response = signed_in(client, world["users"]["manager"]).post(area_url(world["draft"], "financing"), {"F3": upload})
    assert response.status_code == 200
    assert "Attach a PDF, Word (docx), Excel (xlsx)" in response.text
    assert not Evidence.objects.exists()


def test_evidence_over_the_size_limit_is_refused_and_the_answers_are_not_saved(client, world, settings):
    settings.KP_MAX_UPLOAD_BYTES = 10
    upload = SimpleUploadedFile("big.pdf", PDF)
    response = signed_in(client, world["users"]["manager"]).post(
        area_url(world["draft"], "financing"), {"F3": upload, "F2": "Stories."}
    )
    assert response.status_code == 200 and "the upload limit is" in response.text
    assert not Evidence.objects.exists() and not world["draft"].answers.exists()


def test_an_uploaded_file_answers_an_evidence_indicator(client, world):
    complete(world["draft"], world["users"]["manager"])
    client = signed_in(client, world["users"]["manager"])
    financing = {"F1": "yes", "F2": "Three stories.", "F3": SimpleUploadedFile("a.pdf", PDF)}
    client.post(area_url(world["draft"], "financing"), financing)
    page = client.get(f"/en/bedomningar/{world['draft'].pk}/")
    assert "Financing of the cluster management</a>: 3 of 3 answered" in page.text


def test_a_swedish_area_page_shows_numbers_with_a_decimal_comma(client, world):
    client = signed_in(client, world["users"]["manager"])
    client.post(area_url(world["draft"]), {"S1": "12.5", "S2": "40"})
    response = client.get(f"/bedomningar/{world['draft'].pk}/omrade/structure/")
    assert 'value="12,5"' in response.text


def test_the_transition_route_leaves_other_assessment_pages_alone():
    from django.urls import resolve

    assert resolve("/bedomningar/1/submit/").url_name == "assessment_transition"
    assert resolve("/bedomningar/1/kommentar/").url_name == "assessment_comment"
    assert resolve("/bedomningar/1/benchmark/").url_name == "benchmark"


@pytest.mark.parametrize("comments", [1, 12])
def test_the_assessment_page_takes_the_same_number_of_queries_however_many_comments(
    client, world, comments, django_assert_max_num_queries
):
    from klusterplattform.excellence.models import IndicatorComment

    assessor = world["users"]["assessor"]
    at(complete(world["draft"], world["users"]["manager"]), "under_validation", assessor)
    for indicator in list(world["draft"].catalogue.indicators.all()) * comments:
        IndicatorComment.objects.create(assessment=world["draft"], indicator=indicator, author=assessor, text="?")
    client = signed_in(client, assessor)
    with django_assert_max_num_queries(24):
        assert client.get(f"/en/bedomningar/{world['draft'].pk}/").status_code == 200


def test_the_profile_links_to_the_clusters_own_self_assessments_only(client, db):
    from klusterplattform.excellence.tests.factories import AssessmentFactory, RoundFactory, small_catalogue
    from klusterplattform.registry.grants import grant_role
    from klusterplattform.registry.tests.factories import ClusterFactory, UserFactory

    round_ = RoundFactory(catalogue=small_catalogue())
    own, other = ClusterFactory(slug="egen"), ClusterFactory(slug="annan")
    AssessmentFactory(round=round_, cluster=own)
    AssessmentFactory(round=round_, cluster=other)
    officer = UserFactory()
    grant_role(officer, "officer")
    client.force_login(officer)
    profile = client.get("/en/kluster/egen/").content.decode()
    assert "/en/bedomningar/?cluster=egen" in profile
    listing = client.get("/en/bedomningar/?cluster=egen").content.decode()
    assert own.name in listing and other.name not in listing
