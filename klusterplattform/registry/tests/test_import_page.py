"""The staff upload page: who may use it, what it shows for a good and a bad file, and its limits."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from klusterplattform.accounts.models import User
from klusterplattform.registry.importing.columns import COLUMNS
from klusterplattform.registry.models import Organisation, RoleGrant
from klusterplattform.registry.tests.factories import RoleGrantFactory

from .import_helpers import (
    create_cluster,
    create_regions,
    csv_bytes,
    english,  # noqa: F401 - autouse fixture
    org_number,
)

HEADER = ["organisation_number", "name", "type", "municipality_code"]


def _url():
    with translation.override("en"):
        return reverse("registry:import_organisations")  # the English page: messages are asserted as msgids


@pytest.fixture
def cluster(db):
    create_regions()
    return create_cluster()


@pytest.fixture
def staff_client(client, cluster):
    client.force_login(RoleGrantFactory(role="officer").user)
    return client


def _upload(client, rows=None, name="members.csv", data=None, **fields):
    data = data if data is not None else csv_bytes([HEADER, *rows])
    return client.post(_url(), {"file": SimpleUploadedFile(name, data), **fields})


def test_anonymous_visitors_are_sent_to_sign_in(client, db):
    response = client.get(_url())
    assert response.status_code == 302 and "/konto/logga-in/?next=" in response.url


def test_a_signed_in_user_who_is_not_staff_gets_not_found(client, cluster):
    manager = User.objects.create_user("manager@example.org")
    RoleGrant.objects.create(user=manager, role="cluster_manager", cluster=cluster)
    client.force_login(manager)
    assert client.get(_url()).status_code == 404
    assert _upload(client, [[org_number(1), "A", "sme", ""]]).status_code == 404
    assert Organisation.objects.count() == 0


def test_a_programme_officer_may_import_without_being_staff(client, cluster):
    officer = User.objects.create_user("officer@example.org")
    RoleGrant.objects.create(user=officer, role="officer")
    client.force_login(officer)
    assert client.get(_url()).status_code == 200


def test_staff_see_a_form_with_a_label_on_every_input(staff_client):
    html = staff_client.get(_url()).content.decode()
    for field_id in ("id_file", "id_cluster", "id_dry_run"):
        assert f'for="{field_id}"' in html and f'id="{field_id}"' in html
    assert 'enctype="multipart/form-data"' in html
    assert '<option value="testklustret">' in html


def test_a_good_file_is_imported_and_the_counts_are_shown(staff_client, cluster):
    response = _upload(
        staff_client,
        [[org_number(1), "A", "sme", "0180"], [org_number(2), "B", "research", ""]],
        cluster="testklustret",
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "The file was imported" in html and "<dd>2</dd>" in html
    assert Organisation.objects.count() == 2 and cluster.memberships.count() == 2


def test_a_dry_run_shows_what_would_change_and_saves_nothing(staff_client):
    html = _upload(staff_client, [[org_number(1), "A", "sme", ""]], dry_run="on").content.decode()
    assert "Dry run: the file is correct, nothing was saved" in html
    assert "Organisations that would be created" in html
    assert Organisation.objects.count() == 0


def test_a_bad_file_shows_an_accessible_table_of_problems_and_saves_nothing(staff_client):
    html = _upload(
        staff_client, [[org_number(1), "A", "sme", ""], ["556677-8890", "<b>B</b>", "startup", ""]]
    ).content.decode()
    assert "The file was not imported" in html and "2 problems were found; nothing was saved." in html
    assert "<caption>Problems in the file</caption>" in html
    assert html.count('<th scope="col">') >= 3
    assert '<tr><th scope="row">3</th><td>type</td><td>“startup” is not a known organisation type' in html
    assert Organisation.objects.count() == 0


def test_only_the_first_200_problems_are_listed_with_a_count_of_the_rest(staff_client):
    rows = [[org_number(i), f"Org {i}", "startup", ""] for i in range(250)]
    html = _upload(staff_client, rows).content.decode()
    assert html.count('<th scope="row">') == 200 + len(COLUMNS)  # 200 problems, and the rows of the column guide
    assert "Problems in the file (the first 200)" in html
    assert "…and 50 more problems not shown." in html


def test_an_oversized_upload_gets_a_clear_error(staff_client, settings):
    settings.KP_MAX_UPLOAD_BYTES = 100
    html = _upload(staff_client, [[org_number(i), f"Org {i}", "sme", ""] for i in range(10)]).content.decode()
    assert "There is a problem" in html
    assert "the upload limit is 100\xa0bytes" in html
    assert 'aria-invalid="true"' in html
    assert Organisation.objects.count() == 0


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("members.pdf", b"%PDF-1.4", "Upload a .csv or .xlsx file."),
        ("members.csv", b"PK\x03\x04zip", "is not a text file"),
        ("members.xlsx", b"name;type\n", "is not an Excel workbook"),
    ],
)
def test_a_file_of_the_wrong_type_gets_a_clear_error(staff_client, name, data, reason):
    html = _upload(staff_client, name=name, data=data).content.decode()
    assert "There is a problem" in html and reason in html
    assert '<a href="#id_file">' in html


def test_the_page_also_renders_in_swedish(staff_client):
    with translation.override("sv"):
        response = staff_client.get(reverse("registry:import_organisations"))
    assert response.status_code == 200 and 'lang="sv"' in response.content.decode()
