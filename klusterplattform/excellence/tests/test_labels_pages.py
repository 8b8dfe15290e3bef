"""The label pages: the public register with filters and export, a cluster's labels with the renewal chain and expiry
notices, recording a label with its certificate, and the certificate download."""

import csv
import io
from datetime import date, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from klusterplattform.accounts.models import AuditEvent
from klusterplattform.excellence.labels import record_label
from klusterplattform.excellence.models import Label
from klusterplattform.excellence.tests.factories import LabelFactory
from klusterplattform.registry.grants import grant_role
from klusterplattform.registry.tests.factories import ClusterFactory, RegionFactory, UserFactory

PDF = b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def today():
    return timezone.localdate()


@pytest.fixture
def world(db):
    north = RegionFactory(code="25")
    hidden = ClusterFactory(slug="hidden", name="Hidden Cluster", is_published=False, regions=[north])
    public = ClusterFactory(slug="public", name="Public Cluster", is_published=True, regions=[RegionFactory(code="12")])
    users = {name: UserFactory(email=f"{name}@example.org") for name in ("officer", "manager", "other", "regional")}
    grant_role(users["officer"], "officer")
    grant_role(users["manager"], "cluster_manager", clusters=["public"])
    grant_role(users["other"], "cluster_manager", clusters=["hidden"])
    grant_role(users["regional"], "regional_officer", regions=["12"])
    return {"hidden": hidden, "public": public, **users}


def _label(cluster, level="bronze", days_left=400, **kwargs):
    today = timezone.localdate()
    return LabelFactory(
        cluster=cluster,
        level=level,
        awarded_on=today - timedelta(days=300),
        valid_from=today - timedelta(days=300),
        valid_until=today + timedelta(days=days_left),
        **kwargs,
    )


# --- register -------------------------------------------------------------------------------------------------------


def test_the_register_shows_everyone_the_labels_of_published_clusters_only(client, world):
    _label(world["public"])
    _label(world["hidden"])
    page = client.get("/en/etiketter/").content.decode()
    assert "Public Cluster" in page
    assert "Hidden Cluster" not in page
    assert "official records of labels awarded by the labelling body (ESCA/EUCLES)" in page


def test_an_officer_sees_every_label_and_the_expiry_counts(client, world):
    _label(world["public"], days_left=20)
    _label(world["hidden"], days_left=80)
    client.force_login(world["officer"])
    page = client.get("/en/etiketter/").content.decode()
    assert "Hidden Cluster" in page
    assert "1 label expires within 30 days" in page
    assert "2 labels expire within 90 days" in page


def test_the_expiry_counts_leave_demo_labels_out(client, world):
    _label(world["public"], days_left=20, is_demo=True)
    _label(world["public"], days_left=20)
    client.force_login(world["officer"])
    page = client.get("/en/etiketter/").content.decode()
    assert "1 label expires within 30 days" in page
    assert [label.is_demo for label in client.get("/en/etiketter/?demo=exclude").context["page"].items] == [False]


def test_the_expiry_counts_are_for_officers_only(client, world):
    _label(world["public"], days_left=20)
    client.force_login(world["manager"])
    assert "expires within 30 days" not in client.get("/en/etiketter/").content.decode()


def test_the_register_filters_by_level_expiry_validity_date_and_awarding_body(client, world, today):
    bronze = _label(world["public"], days_left=20, awarding_body="esca")
    silver = _label(ClusterFactory(name="Silver Cluster", is_published=True), level="silver", days_left=400)
    client.force_login(world["officer"])

    def names(query):
        return {label.pk for label in client.get("/en/etiketter/" + query).context["page"].items}

    assert names("?level=silver") == {silver.pk}
    assert names("?expiring=30") == {bronze.pk}
    assert names("?expiring=90") == {bronze.pk}
    assert names("?awarding_body=esca") == {bronze.pk}
    assert names(f"?valid_on={(today + timedelta(days=100)).isoformat()}") == {silver.pk}
    assert names("?level=nonsense&expiring=7") == {bronze.pk, silver.pk}


def test_the_register_sorts_by_expiry(client, world):
    later = _label(world["public"], days_left=400)
    sooner = _label(ClusterFactory(is_published=True), days_left=10)
    items = client.get("/en/etiketter/?sort=valid_until").context["page"].items
    assert [label.pk for label in items] == [sooner.pk, later.pk]


def test_the_register_needs_the_same_queries_for_many_labels(client, world, django_assert_max_num_queries):
    for number in range(15):
        _label(ClusterFactory(is_published=True, slug=f"c{number}"))
    client.force_login(world["officer"])
    with django_assert_max_num_queries(8):
        assert client.get("/en/etiketter/").status_code == 200


def test_the_cluster_page_needs_the_same_queries_for_a_long_history(client, world, django_assert_max_num_queries):
    today = timezone.localdate()
    for number in range(6):
        awarded = today - timedelta(days=300 + 800 * number)
        LabelFactory(cluster=world["public"], awarded_on=awarded, valid_until=awarded + timedelta(days=730))
    client.force_login(world["officer"])
    with django_assert_max_num_queries(7):
        assert client.get("/en/kluster/public/etiketter/").status_code == 200


def test_the_register_exports_the_visible_filtered_labels_as_csv(client, world):
    _label(world["public"], report_id="=HYPERLINK(1)")
    _label(world["hidden"])
    response = client.get("/en/etiketter/export.csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:3] == ["Cluster", "Level", "Awarding body"]
    assert [row[0] for row in rows[1:]] == ["Public Cluster"]
    assert rows[1][8] == "'=HYPERLINK(1)"


def test_the_register_exports_xlsx_and_refuses_other_formats(client, world):
    assert client.get("/etiketter/export.xlsx")["Content-Type"].startswith("application/vnd.openxmlformats")
    assert client.get("/etiketter/export.pdf").status_code == 404


# --- a cluster's labels -----------------------------------------------------------------------------------------------


def test_the_cluster_page_shows_the_renewal_chain_and_the_lapse(client, world, today):
    first, _ = record_label(world["officer"], world["public"], "bronze", today - timedelta(days=800), "esca")
    record_label(world["officer"], world["public"], "bronze", first.valid_until + timedelta(days=10), "eucles")
    page = client.get("/en/kluster/public/etiketter/").content.decode()
    assert f"Renews the label valid until {first.valid_until:%Y-%m-%d}" in page
    assert "Assessed 10 days after it expired" in page
    assert "Renewed" in page
    assert "own label readiness estimate" in page


def test_the_cluster_page_shows_a_status_badge_per_label(client, world, today):
    LabelFactory(
        cluster=world["public"], awarded_on=today - timedelta(days=800), valid_until=today - timedelta(days=10)
    )
    page = client.get("/en/kluster/public/etiketter/").content.decode()
    assert "Expired 10 days ago – renewal still possible" in page


def test_the_cluster_manager_is_told_when_a_label_expires_within_30_days(client, world):
    _label(world["public"], days_left=25)
    client.force_login(world["manager"])
    assert "The Bronze label expires on" in client.get("/en/kluster/public/etiketter/").content.decode()


def test_the_expiry_notice_is_not_shown_to_the_public(client, world):
    _label(world["public"], days_left=25)
    page = client.get("/en/kluster/public/etiketter/").content.decode()
    assert "The Bronze label expires on" not in page
    assert "Expires in 25 days" in page


def test_no_expiry_notice_beyond_90_days(client, world):
    _label(world["public"], days_left=91)
    client.force_login(world["manager"])
    assert "The Bronze label expires on" not in client.get("/en/kluster/public/etiketter/").content.decode()


def test_the_labels_of_an_unpublished_cluster_do_not_exist_for_outsiders(client, world):
    assert client.get("/kluster/hidden/etiketter/").status_code == 404
    client.force_login(world["other"])
    assert client.get("/kluster/hidden/etiketter/").status_code == 200


# --- recording ------------------------------------------------------------------------------------------------------


def _form(**changes):
    data = {"level": "bronze", "awarding_body": "eucles", "assessed_on": "2025-03-14", "report_id": "SWE0001"}
    return {**data, **changes}


def test_an_officer_records_a_label_with_its_certificate_and_sees_the_validity(client, world):
    client.force_login(world["officer"])
    upload = SimpleUploadedFile("cert.pdf", PDF, content_type="application/pdf")
    response = client.post("/en/kluster/public/etiketter/ny/", _form(certificate=upload), follow=True)
    assert "Bronze label recorded: valid from 2025-03-14 until 2027-03-14." in response.content.decode()
    label = Label.objects.get()
    assert (label.valid_from, label.valid_until, label.report_id) == (date(2025, 3, 14), date(2027, 3, 14), "SWE0001")
    assert label.certificate.read() == PDF
    changes = [event.changes for event in AuditEvent.objects.filter(object_id=str(label.pk))]
    assert any("certificate" in change for change in changes)
    assert any("level" in change for change in changes)


def test_a_certificate_that_is_not_a_pdf_is_refused_and_nothing_is_written(client, world, tmp_path):
    client.force_login(world["officer"])
    upload = SimpleUploadedFile("cert.pdf", b"MZ not a pdf", content_type="application/pdf")
    response = client.post("/en/kluster/public/etiketter/ny/", _form(certificate=upload))
    assert "The certificate must be a PDF file." in response.content.decode()
    assert not Label.objects.exists()
    assert not list(tmp_path.rglob("*.pdf"))


def test_a_certificate_over_the_upload_limit_is_refused(client, world, settings):
    settings.KP_MAX_UPLOAD_BYTES = 10
    client.force_login(world["officer"])
    upload = SimpleUploadedFile("cert.pdf", PDF, content_type="application/pdf")
    response = client.post("/en/kluster/public/etiketter/ny/", _form(certificate=upload))
    assert "the upload limit is" in response.content.decode()
    assert not Label.objects.exists()


def test_a_future_assessment_date_is_shown_on_the_field(client, world):
    client.force_login(world["officer"])
    response = client.post("/en/kluster/public/etiketter/ny/", _form(assessed_on="2999-01-01"))
    assert response.context["form"].errors["assessed_on"] == ["The assessment date cannot be in the future."]
    assert not Label.objects.exists()


def test_a_cluster_manager_may_not_record_a_label_of_the_own_cluster(client, world):
    client.force_login(world["manager"])
    assert client.post("/kluster/public/etiketter/ny/", _form()).status_code == 403
    assert not Label.objects.exists()


# --- certificate ----------------------------------------------------------------------------------------------------


@pytest.fixture
def certified(world):
    label, _ = record_label(
        world["officer"],
        world["public"],
        "bronze",
        date(2025, 1, 1),
        "eucles",
        certificate=SimpleUploadedFile("c.pdf", PDF, content_type="application/pdf"),
    )
    return label


@pytest.mark.parametrize(("persona", "status"), [("manager", 200), ("officer", 200), ("regional", 404), ("other", 404)])
def test_the_certificate_is_for_the_clusters_managers_and_officers(client, world, certified, persona, status):
    client.force_login(world[persona])
    response = client.get(f"/etiketter/{certified.pk}/certifikat/")
    assert response.status_code == status
    if status == 200:
        assert b"".join(response.streaming_content) == PDF
        assert response["Content-Type"] == "application/pdf"


def test_the_certificate_does_not_exist_for_anonymous_visitors(client, certified):
    assert client.get(f"/etiketter/{certified.pk}/certifikat/").status_code == 404


def test_a_label_without_certificate_has_no_download(client, world):
    label = _label(world["public"])
    client.force_login(world["officer"])
    assert client.get(f"/etiketter/{label.pk}/certifikat/").status_code == 404
