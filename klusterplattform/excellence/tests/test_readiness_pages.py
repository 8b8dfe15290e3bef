"""The readiness pages: the estimate per level, who may see and document it, and forms that write nothing half-done."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from klusterplattform.excellence.models import ImprovementArea, ReadinessDeclaration
from klusterplattform.excellence.tests.readiness_world import (
    GOOD_ANSWERS,
    assessment,
    declare,
    pdf,
    ready_cluster,
)
from klusterplattform.registry.grants import grant_role
from klusterplattform.registry.tests.factories import ClusterFactory, RegionFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def world():
    north, south = RegionFactory(code="25"), RegionFactory(code="12")
    hidden = ClusterFactory(slug="hidden", name="Hidden Cluster", is_published=False, regions=[north])
    public = ClusterFactory(slug="public", name="Public Cluster", is_published=True, regions=[south])
    users = {}
    for name, role, scope in [
        ("manager", "cluster_manager", {"clusters": ["hidden"]}),
        ("other_manager", "cluster_manager", {"clusters": ["public"]}),
        ("regional", "regional_officer", {"regions": ["25"]}),
        ("other_regional", "regional_officer", {"regions": ["12"]}),
        ("assessor", "assessor", {}),
        ("officer", "officer", {}),
        ("admin", "admin", {}),
    ]:
        users[name] = UserFactory(email=f"{name}@example.org")
        grant_role(users[name], role, **scope)
    users["anonymous"] = None
    return {"hidden": hidden, "public": public, "users": users}


def as_user(client, user):
    if user is not None:
        client.force_login(user)
    return client


def post_areas(client, slug="hidden", **overrides):
    data = {
        "area_1": "strategy",
        "changed_1": "A yearly strategy review.",
        "effect_1": "Clearer priorities.",
        "area_2": "services",
        "changed_2": "A matchmaking service.",
        "effect_2": "More projects.",
        "area_3": "interaction",
        "changed_3": "Monthly meetings.",
        "effect_3": "More trust.",
        **overrides,
    }
    return client.post(f"/en/kluster/{slug}/beredskap/forbattringsomraden/", data)


def post_declaration(client, code="B-ORG", slug="hidden", **overrides):
    data = {"is_met": "yes", "explanation": "We run a network.", "evidence": pdf("proof.pdf"), **overrides}
    return client.post(f"/en/kluster/{slug}/beredskap/deklaration/{code}/", data)


# Who may see and document --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("persona", "status"),
    [
        ("anonymous", 302),
        ("manager", 200),
        ("other_manager", 404),
        ("regional", 200),
        ("other_regional", 404),
        ("assessor", 404),
        ("officer", 200),
        ("admin", 200),
    ],
)
def test_readiness_of_an_unpublished_cluster_is_shown_within_its_scope_only(client, world, persona, status):
    response = as_user(client, world["users"][persona]).get("/kluster/hidden/beredskap/")
    assert response.status_code == status


@pytest.mark.parametrize(
    ("persona", "status"),
    [("anonymous", 302), ("manager", 403), ("other_manager", 200), ("regional", 403), ("assessor", 403)],
)
def test_readiness_of_a_published_cluster_is_refused_to_whoever_is_outside_its_scope(client, world, persona, status):
    response = as_user(client, world["users"][persona]).get("/en/kluster/public/beredskap/")
    assert response.status_code == status
    if status == 403:
        assert "label readiness" in response.content.decode()


@pytest.mark.parametrize(
    ("persona", "status"),
    [
        ("anonymous", 302),
        ("manager", 200),
        ("other_manager", 404),
        ("regional", 403),
        ("officer", 403),
        ("admin", 403),
    ],
)
@pytest.mark.parametrize("path", ["forbattringsomraden/", "deklaration/B-ORG/"])
def test_only_the_clusters_own_managers_document_readiness(client, world, persona, status, path):
    response = as_user(client, world["users"][persona]).get(f"/kluster/hidden/beredskap/{path}")
    assert response.status_code == status


def test_an_officer_cannot_post_a_declaration_either(client, world):
    response = post_declaration(as_user(client, world["users"]["officer"]))
    assert response.status_code == 403
    assert not ReadinessDeclaration.objects.exists()


def test_only_declaration_criteria_can_be_declared(client, world):
    manager = as_user(client, world["users"]["manager"])
    assert manager.get("/kluster/hidden/beredskap/deklaration/B-SRV/").status_code == 404
    assert manager.get("/kluster/hidden/beredskap/deklaration/NO-SUCH/").status_code == 404


# The readiness page ------------------------------------------------------------------------------------------------


def test_the_page_says_it_is_an_estimate_and_shows_each_level_with_its_criteria(client, world):
    cluster = world["hidden"]
    assessment(cluster, {**GOOD_ANSWERS, "SRV-01": ["training", "matchmaking", "branding"]})
    page = as_user(client, world["users"]["manager"]).get("/en/kluster/hidden/beredskap/").content.decode()
    assert "An estimate, not an official label" in page
    assert "Official labels are recorded separately." in page
    assert "not public" in page
    for heading in ("Bronze readiness: not yet", "Silver readiness: not yet", "Gold readiness: not yet"):
        assert heading in page
    assert "SRV-01: 3 of at least 4" in page
    # Status in words, not colour alone.
    assert "Not met" in page and "Unknown" in page and "Met" in page
    assert "What is missing" in page
    assert "Evidence for S-01: Evidence attached to STG-01 in the self-assessment." in page
    assert "of 150 points (pass mark 120)" in page


def test_a_ready_cluster_reads_ready_with_full_gold_points(client, world):
    cluster = ready_cluster(slug="ready", regions=[world["hidden"].regions.get()])
    grant_role(world["users"]["manager"], "cluster_manager", clusters=["ready"])
    page = as_user(client, world["users"]["manager"]).get(f"/en/kluster/{cluster.slug}/beredskap/").content.decode()
    assert "Bronze readiness: ready" in page
    assert "Silver readiness: ready" in page
    assert "Gold readiness: ready" in page
    assert "150 of 150 points (pass mark 120)" in page
    assert "What is missing" not in page


def test_managers_see_links_to_document_and_officers_do_not(client, world):
    manager_page = as_user(client, world["users"]["manager"]).get("/en/kluster/hidden/beredskap/").content.decode()
    assert "/beredskap/forbattringsomraden/" in manager_page
    assert "/beredskap/deklaration/B-ORG/" in manager_page
    client.logout()
    officer_page = as_user(client, world["users"]["officer"]).get("/en/kluster/hidden/beredskap/").content.decode()
    assert "/beredskap/forbattringsomraden/" not in officer_page
    assert "/beredskap/deklaration/" not in officer_page


def test_the_page_takes_a_fixed_number_of_queries(client, world, django_assert_max_num_queries):
    cluster = ready_cluster(slug="ready", regions=[world["hidden"].regions.get()])
    officer = as_user(client, world["users"]["officer"])
    officer.get(f"/kluster/{cluster.slug}/beredskap/")  # warm per-process caches (content types, roles)
    with django_assert_max_num_queries(12):
        assert officer.get(f"/kluster/{cluster.slug}/beredskap/").status_code == 200


# Improvement areas -------------------------------------------------------------------------------------------------


def test_a_manager_documents_three_improvement_areas(client, world):
    response = post_areas(as_user(client, world["users"]["manager"]))
    assert response.status_code == 302
    rows = ImprovementArea.objects.filter(cluster=world["hidden"]).order_by("area")
    assert [(r.area, r.effect) for r in rows] == [
        ("interaction", "More trust."),
        ("services", "More projects."),
        ("strategy", "Clearer priorities."),
    ]


def test_documenting_again_replaces_the_areas(client, world):
    manager = as_user(client, world["users"]["manager"])
    post_areas(manager)
    post_areas(manager, area_3="financing", changed_3="Paid services.", effect_3="Less public money.")
    areas = set(ImprovementArea.objects.filter(cluster=world["hidden"]).values_list("area", flat=True))
    assert areas == {"strategy", "services", "financing"}
    form = manager.get("/en/kluster/hidden/beredskap/forbattringsomraden/").content.decode()
    assert "Paid services." in form


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"area_3": "strategy"}, "Choose three different areas."),
        ({"effect_2": ""}, "This field is required."),
        ({"area_1": ""}, "This field is required."),
        ({"changed_1": "x" * 2001}, "at most 2000 characters"),
        ({"area_2": "no-such-area"}, "Select a valid choice."),
    ],
)
def test_bad_improvement_areas_are_refused_and_nothing_is_written(client, world, overrides, message):
    manager = as_user(client, world["users"]["manager"])
    post_areas(manager)
    before = list(ImprovementArea.objects.values_list("area", "what_changed", "effect"))
    # A valid change in another row must not be written either.
    response = post_areas(manager, **{"changed_2": "Changed again.", **overrides})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert list(ImprovementArea.objects.values_list("area", "what_changed", "effect")) == before


def test_an_empty_post_shows_the_errors(client, world):
    response = as_user(client, world["users"]["manager"]).post("/en/kluster/hidden/beredskap/forbattringsomraden/", {})
    assert "There is a problem" in response.content.decode()
    assert not ImprovementArea.objects.exists()


# Declarations ------------------------------------------------------------------------------------------------------


def test_a_manager_declares_a_criterion_met_with_evidence(client, world):
    response = post_declaration(as_user(client, world["users"]["manager"]))
    assert response.status_code == 302
    declaration = ReadinessDeclaration.objects.get()
    assert (declaration.is_met, declaration.explanation) == (True, "We run a network.")
    assert declaration.evidence.name.endswith(".pdf")
    assert declaration.evidence.read().startswith(b"%PDF-")
    assert declaration.updated_by == world["users"]["manager"]


def test_changing_a_declaration_keeps_its_evidence_unless_a_new_file_comes(client, world):
    manager = as_user(client, world["users"]["manager"])
    declaration = declare(world["hidden"], "B-ORG")
    stored = declaration.evidence.name
    response = post_declaration(manager, explanation="Still true.", evidence="")
    assert response.status_code == 302
    declaration.refresh_from_db()
    assert (declaration.explanation, declaration.evidence.name) == ("Still true.", stored)


def _docx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "content"),
    [("proof.docx", _docx()), ("proof.png", b"\x89PNG\r\n\x1a\n...."), ("proof.jpg", b"\xff\xd8\xff\xe0....")],
)
def test_word_and_image_files_are_accepted_as_evidence(client, world, name, content):
    response = post_declaration(as_user(client, world["users"]["manager"]), evidence=SimpleUploadedFile(name, content))
    assert response.status_code == 302


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"evidence": SimpleUploadedFile("proof.pdf", b"MZ not a pdf")}, "Attach a PDF, Word (.docx), PNG or JPEG"),
        ({"evidence": SimpleUploadedFile("proof.exe", b"%PDF-1.4")}, "Attach a PDF, Word (.docx), PNG or JPEG"),
        ({"evidence": SimpleUploadedFile("proof.docx", b"PK\x03\x04 not a zip")}, "Attach a PDF, Word (.docx)"),
        ({"evidence": ""}, "Attach the evidence that the criterion is met."),
        ({"explanation": ""}, "This field is required."),
        ({"explanation": "x" * 2001}, "at most 2000 characters"),
        ({"is_met": "maybe"}, "Select a valid choice."),
    ],
)
def test_a_bad_declaration_is_refused_and_nothing_is_written(client, world, overrides, message):
    response = post_declaration(as_user(client, world["users"]["manager"]), **overrides)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not ReadinessDeclaration.objects.exists()


def test_evidence_over_the_upload_limit_is_refused(client, world, settings):
    settings.KP_MAX_UPLOAD_BYTES = 50
    response = post_declaration(as_user(client, world["users"]["manager"]), evidence=pdf(size=51))
    assert "the upload limit is" in response.content.decode()
    assert not ReadinessDeclaration.objects.exists()


def test_declaring_not_met_needs_no_file(client, world):
    response = post_declaration(as_user(client, world["users"]["manager"]), is_met="no", evidence="")
    assert response.status_code == 302
    assert ReadinessDeclaration.objects.get().is_met is False


def test_a_declaration_shows_up_on_the_readiness_page(client, world):
    manager = as_user(client, world["users"]["manager"])
    post_declaration(manager)
    page = manager.get("/en/kluster/hidden/beredskap/").content.decode()
    assert "Declared as met: We run a network." in page
