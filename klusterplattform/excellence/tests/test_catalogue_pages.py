"""The catalogue pages: the public list and version page, the JSON download, and the officers' import."""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from klusterplattform.excellence.catalogue.io import export_catalogue
from klusterplattform.excellence.models import CatalogueVersion, Indicator
from klusterplattform.excellence.tests.factories import small_catalogue
from klusterplattform.excellence.tests.test_catalogue_io import document
from klusterplattform.registry.grants import grant_role
from klusterplattform.registry.tests.factories import ClusterFactory, UserFactory

pytestmark = pytest.mark.django_db


def user_with(role, **scope):
    user = UserFactory()
    grant_role(user, role, **scope)
    return user


def upload(data, name="catalogue.json"):
    content = data if isinstance(data, bytes) else json.dumps(data).encode()
    return SimpleUploadedFile(name, content, content_type="application/json")


def test_the_list_shows_every_version_to_anyone_with_a_constant_number_of_queries(
    client, django_assert_max_num_queries
):
    small_catalogue(code="extra-one")
    small_catalogue(code="extra-two")
    with django_assert_max_num_queries(4):
        response = client.get("/en/indikatorer/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "kp-2026" in html and "extra-one" in html and "extra-two" in html
    assert "Import a new catalogue version" not in html


def test_the_list_offers_the_import_to_an_officer(client):
    client.force_login(user_with("officer"))
    assert "Import a new catalogue version" in client.get("/en/indikatorer/").content.decode()


def test_the_version_page_groups_indicators_by_area_and_marks_pre_filled_ones(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(5):
        response = client.get("/en/indikatorer/kp-2026/")
    html = response.content.decode()
    assert response.status_code == 200
    assert html.index("Structure of the cluster") < html.index("Digital, green and social transitions")
    assert "How many organisations take part in the cluster in total?" in html
    assert "Participating organisations (registry)" in html  # STR-01's pre-fill source
    assert "<caption>" in html and 'scope="row"' in html


def test_the_version_page_is_in_swedish_without_the_language_prefix(client):
    html = client.get("/indikatorer/kp-2026/").content.decode()
    assert "Hur många organisationer deltar i klustret totalt?" in html


def test_the_version_page_links_each_mapped_indicator_to_the_one_it_continues(client):
    from klusterplattform.excellence.catalogue.io import import_catalogue

    old = small_catalogue(code="old")
    exported = export_catalogue(old)
    import_catalogue(
        {**exported, "code": "new", "previous": "old", "indicators": [{**exported["indicators"][0], "previous": "S1"}]}
    )
    html = client.get("/en/indikatorer/new/").content.decode()
    assert 'href="/en/indikatorer/old/#indicator-S1"' in html


def test_an_unknown_version_is_not_found(client):
    assert client.get("/indikatorer/no-such-version/").status_code == 404


def test_the_export_downloads_the_version_as_a_json_document(client):
    response = client.get("/indikatorer/kp-2026/export.json")
    assert response["Content-Disposition"] == 'attachment; filename="kp-2026.json"'
    assert json.loads(response.content) == export_catalogue(CatalogueVersion.objects.get(code="kp-2026"))


def test_anonymous_visitors_are_sent_to_sign_in_before_the_import(client):
    response = client.get("/indikatorer/import/")
    assert response.status_code == 302 and "/konto/logga-in/" in response["Location"]


def test_the_import_does_not_exist_for_a_cluster_manager(client):
    cluster = ClusterFactory()
    client.force_login(user_with("cluster_manager", clusters=[cluster.slug]))
    assert client.get("/indikatorer/import/").status_code == 404
    response = client.post("/indikatorer/import/", {"file": upload(document())})
    assert response.status_code == 404
    assert not CatalogueVersion.objects.filter(code="new-version").exists()


def test_an_officer_imports_a_new_version_and_is_sent_to_its_page(client):
    client.force_login(user_with("officer"))
    response = client.post("/en/indikatorer/import/", {"file": upload(document())}, follow=True)
    assert response.redirect_chain[-1][0] == "/en/indikatorer/new-version/"
    assert "was imported with 2 indicators" in response.content.decode()
    assert CatalogueVersion.objects.get(code="new-version").indicators.count() == 2


def test_the_import_lists_every_problem_in_the_error_summary_and_writes_nothing(client):
    client.force_login(user_with("officer"))
    data = document(format_version=9)
    data["indicators"][1]["answer_type"] = "slider"
    counts = (CatalogueVersion.objects.count(), Indicator.objects.count())
    response = client.post("/en/indikatorer/import/", {"file": upload(data)})
    html = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in html
    assert "format_version: Must be 1." in html
    assert "indicators[1].answer_type: Unknown value" in html
    assert (CatalogueVersion.objects.count(), Indicator.objects.count()) == counts


def test_a_file_that_is_not_json_is_refused_with_a_clear_error(client):
    client.force_login(user_with("officer"))
    response = client.post("/en/indikatorer/import/", {"file": upload(b"{not json")})
    assert "The file is not valid JSON" in response.content.decode()


def test_the_import_form_labels_its_file_input(client):
    client.force_login(user_with("officer"))
    html = client.get("/en/indikatorer/import/").content.decode()
    assert '<label for="id_file"' in html


def test_the_import_is_recorded_in_the_audit_trail_as_the_officers_import(client):
    from klusterplattform.accounts.models import AuditEvent

    officer = user_with("officer")
    client.force_login(officer)
    client.post("/indikatorer/import/", {"file": upload(document())})
    event = AuditEvent.objects.for_object(CatalogueVersion.objects.get(code="new-version")).get()
    assert (event.actor, event.channel, event.action) == (officer, "import", "create")
