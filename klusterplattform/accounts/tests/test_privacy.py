from datetime import timedelta

import pytest
from django.utils import timezone

from klusterplattform.accounts import throttling
from klusterplattform.accounts.models import LoginFailure


@pytest.mark.django_db
def test_the_privacy_notice_is_linked_from_every_page_and_names_the_controller(client, settings):
    settings.KP_CONTROLLER_NAME = "Tillväxtverket"
    settings.KP_CONTROLLER_EMAIL = "registrator@example.org"
    assert 'href="/integritet/"' in client.get("/").content.decode()
    html = client.get("/en/integritet/").content.decode()
    assert "Tillväxtverket is responsible" in html and "mailto:registrator@example.org" in html
    assert "Deleted after 24 hours" in html
    assert 'lang="sv"' in client.get("/integritet/").content.decode()


@pytest.mark.django_db
def test_failed_sign_ins_are_deleted_once_they_are_a_day_old():
    old = LoginFailure.objects.create(email="a@example.org", ip_address="192.0.2.1")
    LoginFailure.objects.filter(pk=old.pk).update(at=timezone.now() - timedelta(hours=throttling.RETENTION_HOURS + 1))
    recent = LoginFailure.objects.create(email="b@example.org", ip_address="192.0.2.2")
    throttling.record_failure("c@example.org", "192.0.2.3")
    assert not LoginFailure.objects.filter(pk=old.pk).exists()
    assert LoginFailure.objects.filter(pk=recent.pk).exists()
    assert LoginFailure.objects.count() == 2


@pytest.mark.django_db
def test_the_privacy_notice_names_every_kind_of_personal_data_why_and_for_how_long(client):
    html = client.get("/en/integritet/").content.decode()
    for kind in (
        "Your account",
        "Role grants",
        "API tokens (only as a one-way hash)",
        "Failed sign-ins",
        "Two-factor sign-in",
        "Invitations",
        "Contact persons",
        "The audit trail",
    ):
        assert f'<tr><th scope="row">{kind}' in html
    assert '<th scope="col">How long it is kept</th>' in html
    # Every row has a cell for each column: the table stays readable to screen readers.
    rows = html.split("<tbody>")[1].split("</tbody>")[0].split("<tr>")[1:]
    assert len(rows) == 9 and all(row.count("<td>") == 3 for row in rows)
    assert "24 hours." in html and "replaced by “[redacted]”" in html


@pytest.mark.django_db
def test_the_privacy_notice_says_officers_can_export_or_erase_a_person_on_request(client):
    html = client.get("/en/integritet/").content.decode()
    assert "officers can export everything the platform holds about a person" in html
    assert "the account is anonymised" in html and "memberships and the counts made from them, stay" in html
