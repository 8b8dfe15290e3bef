"""/api/v1/assessments: listing, starting, reading and deleting self-assessments within the permission table."""

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from klusterplattform.accounts.models import ApiToken
from klusterplattform.excellence import evidence
from klusterplattform.excellence.models import Assessment, CatalogueVersion, Evidence, IndicatorComment
from klusterplattform.registry.tests.factories import ClusterFactory, MembershipFactory

from .api_assessments_world import as_user, make_world, move, send
from .factories import AnswerFactory, AssessmentFactory, RoundFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(db):
    return make_world()


EN = {"HTTP_ACCEPT_LANGUAGE": "en"}


def ids(response) -> list[int]:
    return [row["id"] for row in response.json()["results"]]


@pytest.mark.parametrize(
    ("persona", "sees"),
    [
        ("manager", ["draft"]),
        ("other_manager", ["others"]),
        ("assessor", ["draft"]),  # assigned to it below
        ("other_assessor", []),
        ("regional_in", ["draft"]),
        ("officer", ["others", "draft"]),
        ("admin", ["others", "draft"]),
    ],
)
def test_the_list_holds_only_the_assessments_the_caller_may_see(client, world, persona, sees):
    move(world["draft"], "under_validation", world["users"]["assessor"])
    response = as_user(client, world["users"][persona]).get("/api/v1/assessments")
    assert response.status_code == 200
    assert ids(response) == [world[name].pk for name in sees]  # by cluster name: Annat before Eget


def test_the_list_filters_by_round_cluster_and_status(client, world):
    later = RoundFactory(
        slug="silver-2027", catalogue=world["round"].catalogue, opens_on=date(2027, 8, 1), closes_on=date(2027, 9, 30)
    )
    in_later_round = AssessmentFactory(round=later, cluster=world["own"], status="submitted")
    officer = as_user(client, world["users"]["officer"])
    assert ids(officer.get("/api/v1/assessments?round=silver-2027")) == [in_later_round.pk]
    assert ids(officer.get("/api/v1/assessments?cluster=eget")) == [in_later_round.pk, world["draft"].pk]
    assert ids(officer.get("/api/v1/assessments?status=draft")) == [world["others"].pk, world["draft"].pk]
    assert ids(officer.get("/api/v1/assessments?round=nope")) == []


def test_the_list_names_round_cluster_and_status_in_the_request_language(client, world):
    response = as_user(client, world["users"]["manager"]).get("/api/v1/assessments", **EN)
    [row] = response.json()["results"]
    assert row["round"] == "bronze-2026"
    assert row["cluster"] == "eget"
    assert row["cluster_name"] == "Eget kluster"
    assert row["status"] == "draft"
    assert row["status_label"] == "Draft"
    assert row["assessor"] is None


def test_the_list_pages_with_the_shared_envelope(client, world):
    for cluster in ClusterFactory.create_batch(3):
        AssessmentFactory(round=world["round"], cluster=cluster)
    officer = as_user(client, world["users"]["officer"])
    first = officer.get("/api/v1/assessments?page_size=2").json()
    last = officer.get("/api/v1/assessments?page_size=2&page=3").json()
    assert (first["count"], first["page"], first["page_size"], len(first["results"])) == (5, 1, 2, 2)
    assert (last["count"], last["page"], len(last["results"])) == (5, 3, 1)


@pytest.mark.parametrize("how_many", [2, 20])
def test_the_list_takes_the_same_number_of_queries_however_many_rows(
    client, world, how_many, django_assert_max_num_queries
):
    assessor = world["users"]["assessor"]
    for cluster in ClusterFactory.create_batch(how_many):
        AssessmentFactory(round=world["round"], cluster=cluster, status="under_validation", assessor=assessor)
    officer = as_user(client, world["users"]["officer"])
    # Session, user, role grants, then the page and its count.
    with django_assert_max_num_queries(5):
        response = officer.get("/api/v1/assessments?page_size=50")
    assert response.json()["count"] == how_many + 2


def test_a_bearer_token_lists_like_a_session(client, world):
    _token, raw = ApiToken.issue(world["users"]["manager"])
    response = client.get("/api/v1/assessments", HTTP_AUTHORIZATION=f"Bearer {raw}")
    assert ids(response) == [world["draft"].pk]


@pytest.mark.parametrize(
    ("method", "path", "body"),
    [
        ("GET", "", None),
        ("POST", "", {"round": "bronze-2026", "cluster": "eget"}),
        ("GET", "/{id}", None),
        ("DELETE", "/{id}", None),
        ("PATCH", "/{id}/answers", {"answers": {"S1": 1}}),
        ("POST", "/{id}/actions/submit", {}),
        ("GET", "/{id}/comments", None),
        ("POST", "/{id}/comments", {"indicator": "S1", "text": "Hm."}),
    ],
)
def test_anonymous_callers_get_401_from_every_operation(client, world, method, path, body):
    url = "/api/v1/assessments" + path.format(id=world["draft"].pk)
    response = send(client, method, url, body)
    assert response.status_code == 401
    assert response["WWW-Authenticate"].startswith("Bearer")


# --- starting ----------------------------------------------------------------------------------------------------


def start(client, user, round_slug="bronze-2026", cluster="eget"):
    return send(as_user(client, user), "POST", "/api/v1/assessments", {"round": round_slug, "cluster": cluster})


def test_a_manager_starts_the_assessment_of_their_cluster(client, world):
    world["draft"].delete()
    response = start(client, world["users"]["manager"])
    assert response.status_code == 201
    created = Assessment.objects.get(round=world["round"], cluster=world["own"])
    body = response.json()
    assert (body["id"], body["status"], body["catalogue"]) == (created.pk, "draft", world["round"].catalogue.code)
    assert [a["code"] for a in body["actions"]] == ["submit"]


def test_starting_again_answers_with_the_existing_assessment(client, world):
    response = start(client, world["users"]["manager"])
    assert response.status_code == 200
    assert response.json()["id"] == world["draft"].pk
    assert Assessment.objects.filter(cluster=world["own"]).count() == 1


def test_an_officer_may_start_any_clusters_assessment(client, world):
    world["others"].delete()
    assert start(client, world["users"]["officer"], cluster="annat").status_code == 201


@pytest.mark.parametrize(
    ("persona", "cluster", "status"),
    [
        ("other_manager", "eget", 404),  # unpublished and not theirs: it does not exist for them
        ("manager", "annat", 403),  # published, so visible, but not theirs
        ("regional_in", "eget", 403),  # sees the cluster, may not start for it
        ("assessor", "annat", 403),
    ],
)
def test_starting_for_a_cluster_outside_ones_scope_is_refused(client, world, persona, cluster, status):
    world["others"].delete()
    world["draft"].delete()
    assert start(client, world["users"][persona], cluster=cluster).status_code == status
    assert not Assessment.objects.exists()


def test_starting_in_an_unknown_round_or_cluster_is_404(client, world):
    manager = world["users"]["manager"]
    assert start(client, manager, round_slug="no-such-round").status_code == 404
    assert start(client, manager, cluster="no-such-cluster").status_code == 404


def test_a_round_of_an_unpublished_programme_does_not_exist_for_a_manager(client, world):
    world["draft"].delete()
    programme = world["round"].programme
    programme.is_published = False
    programme.save()
    assert start(client, world["users"]["manager"]).status_code == 404


def test_starting_without_round_or_cluster_is_422(client, world):
    response = send(as_user(client, world["users"]["manager"]), "POST", "/api/v1/assessments", {"round": "x"})
    assert response.status_code == 422


def test_a_started_assessment_is_prefilled_from_the_registry_and_marked(client, world):
    MembershipFactory.create_batch(3, cluster=world["own"])
    default = CatalogueVersion.objects.get(code="kp-2026")
    RoundFactory(slug="kp-round", catalogue=default, programme=world["round"].programme)
    response = start(client, world["users"]["manager"], round_slug="kp-round")
    assert response.status_code == 201
    participants = response.json()["answers"]["STR-01"]
    assert (participants["number"], participants["prefilled"], participants["answered"]) == (3.0, True, True)
    assert response.json()["answers"]["GOV-04"]["prefilled"] is False


# --- reading -----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("persona", "status"),
    [
        ("manager", 200),
        ("other_manager", 404),
        ("assessor", 200),
        ("other_assessor", 404),
        ("regional_in", 200),
        ("officer", 200),
        ("admin", 200),
    ],
)
def test_reading_an_assessment_follows_the_permission_table(client, world, persona, status):
    move(world["draft"], "under_validation", world["users"]["assessor"])
    response = as_user(client, world["users"][persona]).get(f"/api/v1/assessments/{world['draft'].pk}")
    assert response.status_code == status


def test_an_unknown_or_enormous_id_is_404(client, world):
    officer = as_user(client, world["users"]["officer"])
    assert officer.get("/api/v1/assessments/999999").status_code == 404
    assert officer.get(f"/api/v1/assessments/{2**63}").status_code == 404


def test_the_detail_shows_completeness_answers_comments_and_actions(client, world):
    manager = as_user(client, world["users"]["manager"])
    url = f"/api/v1/assessments/{world['draft'].pk}"
    send(manager, "PATCH", url + "/answers", {"answers": {"S1": "7", "G1": "full"}})
    body = manager.get(url, **EN).json()
    assert list(body["answers"]) == ["S1", "S2", "G1", "G2", "F1", "F2", "F3"]
    assert body["answers"]["S1"] == {
        "area": "structure",
        "answer_type": "number",
        "question": body["answers"]["S1"]["question"],
        "answered": True,
        "number": 7.0,
        "yes_no": None,
        "choices": [],
        "text": "",
        "value": 7.0,
        "prefilled": False,
        "evidence": [],
    }
    assert body["answers"]["G1"]["value"] == 2.0  # the third option scores 2
    areas = {area["area"]: area for area in body["completeness"]["areas"]}
    assert (areas["structure"]["answered"], areas["structure"]["total"]) == (1, 2)
    assert (areas["governance"]["answered"], areas["governance"]["label"]) == (1, "Cluster management and governance")
    assert body["completeness"]["missing"] == 4
    assert body["completeness"]["is_complete"] is False
    assert body["comments"] == []
    assert body["actions"] == [{"code": "submit", "label": "Submit"}]


@pytest.mark.parametrize(
    ("persona", "status", "actions"),
    [
        ("manager", "draft", ["submit"]),
        ("officer", "draft", []),
        ("officer", "submitted", ["assign"]),
        ("manager", "submitted", []),
        ("assessor", "under_validation", ["validate", "return"]),
        ("officer", "under_validation", ["assign"]),
        ("manager", "returned", ["submit"]),
        ("manager", "validated", []),
    ],
)
def test_actions_list_what_the_caller_may_do_now(client, world, persona, status, actions):
    move(world["draft"], status, world["users"]["assessor"])
    body = as_user(client, world["users"][persona]).get(f"/api/v1/assessments/{world['draft'].pk}").json()
    assert [action["code"] for action in body["actions"]] == actions


def test_the_detail_takes_a_fixed_number_of_queries(client, world, django_assert_max_num_queries):
    assessment = move(world["draft"], "under_validation", world["users"]["assessor"])
    for indicator in assessment.catalogue.indicators.all():
        AnswerFactory(assessment=assessment, indicator=indicator, text="x")
        IndicatorComment.objects.create(
            assessment=assessment, indicator=indicator, author=world["users"]["assessor"], text="?"
        )
    assessor = as_user(client, world["users"]["assessor"])
    # Session, user, grants; the assessment, its regions, indicators, answers, evidence, comments with their
    # indicators and authors.
    with django_assert_max_num_queries(11):
        assert assessor.get(f"/api/v1/assessments/{assessment.pk}").status_code == 200


# --- deleting ----------------------------------------------------------------------------------------------------


def test_a_manager_deletes_a_draft(client, world):
    response = as_user(client, world["users"]["manager"]).delete(f"/api/v1/assessments/{world['draft'].pk}")
    assert response.status_code == 204
    assert not Assessment.objects.filter(pk=world["draft"].pk).exists()


@pytest.mark.parametrize(
    ("persona", "status"),
    [("officer", 403), ("regional_in", 403), ("admin", 403), ("other_manager", 404), ("other_assessor", 404)],
)
def test_only_who_fills_it_in_may_delete_a_draft(client, world, persona, status):
    response = as_user(client, world["users"][persona]).delete(f"/api/v1/assessments/{world['draft'].pk}")
    assert response.status_code == status
    assert Assessment.objects.filter(pk=world["draft"].pk).exists()


@pytest.mark.parametrize("status", ["submitted", "under_validation", "returned", "validated"])
def test_an_assessment_past_draft_cannot_be_deleted(client, world, status):
    move(world["draft"], status, world["users"]["assessor"])
    response = as_user(client, world["users"]["manager"]).delete(f"/api/v1/assessments/{world['draft'].pk}", **EN)
    assert response.status_code == 409
    assert response.json()["detail"] == "Only a draft self-assessment can be deleted."
    assert Assessment.objects.filter(pk=world["draft"].pk).exists()


def test_deleting_a_draft_removes_its_evidence_files(
    client, world, settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.MEDIA_ROOT = tmp_path
    draft = world["draft"]
    upload = SimpleUploadedFile("strategy.pdf", b"%PDF-1.4\n% strategy\n", content_type="application/pdf")
    attached = evidence.attach(draft, draft.catalogue.indicators.get(code="F3"), upload, world["users"]["manager"])
    path = tmp_path / attached.file.name
    assert path.exists()
    with django_capture_on_commit_callbacks(execute=True):
        response = as_user(client, world["users"]["manager"]).delete(f"/api/v1/assessments/{draft.pk}")
    assert response.status_code == 204
    assert not Evidence.objects.exists()
    assert not path.exists()
