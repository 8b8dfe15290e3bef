"""Personal data (GDPR): an officer exports or erases everything held about one e-mail address; aggregates stay."""

import datetime
import io
import json

import pytest
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.auth import authenticate
from django.contrib.contenttypes.models import ContentType
from django.core.management import CommandError, call_command
from django.utils import timezone

from klusterplattform.accounts.audit import REDACTED, audit_context
from klusterplattform.accounts.models import (
    ApiToken,
    AuditAction,
    AuditChannel,
    AuditEvent,
    LoginFailure,
    User,
    hash_token,
)
from klusterplattform.registry import people
from klusterplattform.registry.models import (
    ClusterOrganisation,
    ContactPerson,
    Invitation,
    Membership,
    Organisation,
    RoleGrant,
)

from .factories import (
    ClusterFactory,
    ContactPersonFactory,
    MembershipFactory,
    RegionFactory,
    RoleGrantFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

EMAIL = "anna.andersson@example.org"
PASSWORD = "a-Long-enough-passphrase-2026"
SEARCH, EXPORT, ERASE = "/en/personer/", "/en/personer/exportera/", "/en/personer/radera/"


@pytest.fixture
def cluster():
    return ClusterFactory(name="Norrsken Cluster", slug="norrsken")


@pytest.fixture
def officer():
    return RoleGrantFactory(role="officer", user=UserFactory(full_name="Olga Officer")).user


@pytest.fixture
def anna(cluster, officer):
    """A cluster manager who is also a contact person, with every kind of personal record."""
    user = User.objects.create_user(EMAIL, PASSWORD, full_name="Anna Andersson")
    RoleGrantFactory(role="cluster_manager", cluster=cluster, user=user)
    old_grant = RoleGrantFactory(role="cluster_manager", cluster=ClusterFactory(), user=user)
    old_grant.delete()  # a past role: its events still name her
    ApiToken.issue(user, name="Reporting script")
    LoginFailure.objects.create(email=EMAIL, ip_address="192.0.2.7")
    ContactPersonFactory(
        cluster=cluster, name="Anna Andersson", email="Anna.Andersson@Example.org", phone="070-1234567"
    )
    handed_over = ContactPersonFactory(name="Anna Andersson", email=EMAIL)
    handed_over.name, handed_over.email = "Info desk", "info@example.org"
    handed_over.save()  # a record that was hers once: only the trail still names her
    Invitation.objects.create(
        email=EMAIL,
        cluster=cluster,
        invited_by=officer,
        token_hash=hash_token("invitation-secret"),
        expires_at=timezone.now() + datetime.timedelta(days=7),
    )
    membership = MembershipFactory(cluster=cluster)
    with audit_context(AuditChannel.PAGE, actor=user):
        membership.left = datetime.date(2025, 6, 30)
        membership.save()
    LogEntry.objects.create(
        user=officer,
        content_type=ContentType.objects.get_for_model(User),
        object_id=str(user.pk),
        object_repr=EMAIL,
        action_flag=CHANGE,
        change_message="[]",
    )
    return user


def _mentions_anywhere(*needles: str) -> list[str]:
    """Every place in the database rows that hold personal data where one of the strings still appears."""
    found = []
    texts = [(f"event {e.pk}", e.object_repr + json.dumps(e.changes)) for e in AuditEvent.objects.all()]
    texts += [(f"user {u.pk}", f"{u.email} {u.full_name} {u.first_name} {u.last_name}") for u in User.objects.all()]
    texts += [(f"contact {c.pk}", f"{c.name} {c.email} {c.phone}") for c in ContactPerson.objects.all()]
    texts += [(f"invitation {i.pk}", i.email) for i in Invitation.objects.all()]
    texts += [(f"failure {f.pk}", f.email) for f in LoginFailure.objects.all()]
    texts += [(f"admin log {e.pk}", e.object_repr + e.change_message) for e in LogEntry.objects.all()]
    for where, text in texts:
        found += [f"{where}: {needle}" for needle in needles if needle.lower() in text.lower()]
    return found


# The service


def test_export_holds_every_category_and_no_secret(anna):
    data = people.export(EMAIL)
    text = json.dumps(data)
    assert data["account"]["records"]["full_name"] == "Anna Andersson"
    assert [g["cluster"] for g in data["role_grants"]["records"]] == ["norrsken"]
    assert data["api_tokens"]["records"][0]["name"] == "Reporting script"
    assert data["api_tokens"]["records"][0]["status"] == "active"
    assert data["failed_sign_ins"]["records"][0]["ip_address"] == "192.0.2.7"
    assert data["two_factor"]["records"] == {"enrolled": False}
    assert data["invitations_received"]["records"][0]["status"] == "pending"
    assert data["contact_persons"]["records"][0]["phone"] == "070-1234567"
    assert [e["object_type"] for e in data["audit_events_by_person"]["records"]] == ["membership"]
    assert {e["object_type"] for e in data["audit_events_about_person"]["records"]} >= {"contactperson", "rolegrant"}
    assert all(section["explanation"] for key, section in data.items() if isinstance(section, dict))
    assert datetime.datetime.fromisoformat(data["generated_at"])
    token = ApiToken.objects.get(user=anna)
    for secret in (anna.password, token.token_hash, hash_token("invitation-secret"), "pbkdf2"):
        assert secret not in text


def test_find_and_export_ignore_the_case_of_the_address(anna):
    person = people.find("  ANNA.Andersson@EXAMPLE.ORG ")
    assert person.user == anna and len(person.contacts) == 1 and len(person.login_failures) == 1
    assert people.export("ANNA.ANDERSSON@example.org")["contact_persons"] == people.export(EMAIL)["contact_persons"]


def test_erase_anonymises_the_account_and_removes_the_persons_records(anna, cluster, officer):
    other_contact = ContactPersonFactory(cluster=cluster, name="Bertil Berg", email="bertil@example.org")
    token = ApiToken.objects.get(user=anna)
    report = people.erase(EMAIL.upper(), erased_by=officer)

    anna.refresh_from_db()
    assert anna.email == f"erased-{anna.pk}@erased.invalid"
    assert (anna.full_name, anna.is_active, anna.has_usable_password()) == ("", False, False)
    assert authenticate(email=EMAIL, password=PASSWORD) is None
    assert not ApiToken.objects.filter(pk=token.pk).exists() and ApiToken.authenticate(token.prefix) is None
    assert not RoleGrant.objects.filter(user=anna).exists()
    assert not LoginFailure.objects.exists()
    assert set(ContactPerson.objects.all()) == {other_contact, ContactPerson.objects.get(name="Info desk")}
    assert Invitation.objects.get().revoked_at is not None
    assert (report.account_anonymised, report.grants, report.tokens, report.contacts) == (True, 1, 1, 1)
    assert _mentions_anywhere(EMAIL, "Anna Andersson", "070-1234567") == []


def test_erase_keeps_the_aggregated_records_and_every_audit_event(anna, cluster, officer):
    before = {
        "clusters": ClusterOrganisation.objects.count(),
        "organisations": Organisation.objects.count(),
        "memberships": list(Membership.objects.values_list("pk", "cluster_id", "organisation_id", "left")),
    }
    event_ids = set(AuditEvent.objects.values_list("pk", flat=True))
    people.erase(EMAIL, erased_by=officer)
    assert ClusterOrganisation.objects.count() == before["clusters"]
    assert Organisation.objects.count() == before["organisations"]
    assert list(Membership.objects.values_list("pk", "cluster_id", "organisation_id", "left")) == before["memberships"]
    assert event_ids <= set(AuditEvent.objects.values_list("pk", flat=True))
    # Her own change stays in the trail, attributed to the anonymised account.
    assert AuditEvent.objects.get(actor=anna, content_type__model="membership").changes["left"][1] == "2025-06-30"


def test_erase_records_who_erased_whom_without_the_address(anna, officer):
    people.erase(EMAIL, erased_by=officer)
    event = AuditEvent.objects.get(content_type__model="user", object_id=str(anna.pk))
    assert (event.actor, event.action, event.changes) == (officer, AuditAction.UPDATE, {"erased": [False, True]})
    assert EMAIL not in event.object_repr
    deleted_contact = AuditEvent.objects.get(content_type__model="contactperson", action=AuditAction.DELETE)
    assert deleted_contact.actor == officer and deleted_contact.object_repr == REDACTED
    assert set(deleted_contact.changes["email"]) == {REDACTED, None}


def test_the_trail_of_her_roles_keeps_role_and_cluster_but_loses_her_name(anna, officer):
    people.erase(EMAIL, erased_by=officer)
    grant_events = [e for e in AuditEvent.objects.filter(content_type__model="rolegrant") if e.object_repr == REDACTED]
    assert len(grant_events) == 4  # two grants (one ended earlier), each created and deleted
    for event in grant_events:
        assert "cluster_manager" in event.changes["role"] and event.changes["cluster_id"] != [REDACTED, REDACTED]
        assert REDACTED in event.changes["user_id"]


def test_erase_of_a_contact_person_without_an_account(cluster, officer):
    ContactPersonFactory(cluster=cluster, name="Cecilia Carlsson", email="cecilia@example.org")
    report = people.erase("cecilia@example.org", erased_by=officer)
    assert (report.account_anonymised, report.contacts) == (False, 1)
    assert _mentions_anywhere("cecilia@example.org", "Cecilia Carlsson") == []
    assert ClusterOrganisation.objects.filter(pk=cluster.pk).exists()


def test_a_contact_person_deleted_long_ago_is_still_found_in_the_trail_and_erased_from_it(cluster, officer):
    ContactPersonFactory(cluster=cluster, name="Dora Dahl", email="dora@example.org", phone="08-123").delete()
    person = people.find("DORA@example.org")
    assert not person.is_empty and person.contacts == []
    about = people.export("dora@example.org")["audit_events_about_person"]["records"]
    assert [e["action"] for e in about] == ["delete", "create"] and about[1]["changes"]["phone"] == [None, "08-123"]
    people.erase("dora@example.org", erased_by=officer)
    assert _mentions_anywhere("dora@example.org", "Dora Dahl", "08-123") == []
    assert people.find("dora@example.org").is_empty


def test_only_the_whole_address_counts_so_a_longer_address_is_left_alone(cluster, officer):
    ContactPersonFactory(cluster=cluster, name="Bo Ek", email="bo@example.org").delete()
    ContactPersonFactory(cluster=cluster, name="Jacob Ek", email="jacobo@example.org").delete()
    ContactPersonFactory(cluster=cluster, name="Bosse Ek", email="bo@example.org.uk").delete()
    about = people.export("bo@example.org")["audit_events_about_person"]["records"]
    assert {e["changes"]["name"][0] for e in about if e["action"] == "delete"} == {"Bo Ek"}
    people.erase("bo@example.org", erased_by=officer)
    assert _mentions_anywhere("Bo Ek") == []
    assert len(_mentions_anywhere("Jacob Ek")) == 2 and len(_mentions_anywhere("Bosse Ek")) == 2


def test_an_officer_cannot_erase_their_own_account_nor_an_administrators(officer, anna):
    with pytest.raises(people.ErasureRefused):
        people.erase(officer.email, erased_by=officer)
    admin = RoleGrantFactory(role="admin").user
    with pytest.raises(people.ErasureRefused):
        people.erase(admin.email, erased_by=officer)
    assert User.objects.get(pk=admin.pk).email == admin.email


def test_nothing_held_about_an_unknown_address_and_erasing_it_writes_nothing(anna):
    events = AuditEvent.objects.count()
    assert people.find("nobody@example.org").is_empty
    assert people.export("nobody@example.org")["nothing_held"] is True
    assert people.erase("nobody@example.org") == people.ErasureReport()
    assert AuditEvent.objects.count() == events and User.objects.get(pk=anna.pk).email == EMAIL


# The pages


def _manager_of_own_cluster(cluster):
    return RoleGrantFactory(role="cluster_manager", cluster=cluster).user


def _manager_of_other_cluster(cluster):
    return RoleGrantFactory(role="cluster_manager", cluster=ClusterFactory()).user


def _regional_officer(cluster):
    return RoleGrantFactory(role="regional_officer", region=RegionFactory()).user


@pytest.mark.parametrize("persona", [_manager_of_own_cluster, _manager_of_other_cluster, _regional_officer])
@pytest.mark.parametrize("url", [SEARCH, EXPORT, ERASE])
def test_the_pages_do_not_exist_for_anyone_but_officers(client, anna, cluster, persona, url):
    client.force_login(persona(cluster))
    assert client.get(url).status_code == 404
    assert client.post(url, {"email": EMAIL, "confirm": "yes"}).status_code == 404
    assert User.objects.get(pk=anna.pk).email == EMAIL


@pytest.mark.parametrize("url", [SEARCH, EXPORT, ERASE])
def test_anonymous_visitors_are_sent_to_sign_in(client, anna, url):
    for response in (client.get(url), client.post(url, {"email": EMAIL, "confirm": "yes"})):
        assert response.status_code == 302 and "/konto/logga-in/?next=" in response.url
    assert User.objects.get(pk=anna.pk).email == EMAIL


def test_the_officer_finds_a_person_with_a_post_form_and_sees_what_is_held(
    client, anna, officer, django_assert_max_num_queries
):
    client.force_login(officer)
    page = client.get(SEARCH).content.decode()
    assert 'method="post"' in page and 'name="email"' in page
    with django_assert_max_num_queries(20):
        response = client.post(SEARCH, {"email": EMAIL.upper()})
    html = response.content.decode()
    assert response.status_code == 200 and "no-store" in response["Cache-Control"]
    for shown in ("Anna Andersson", "Norrsken Cluster", "070-1234567", "Reporting script", "Download JSON", "Erase"):
        assert shown in html
    assert html.count("<h1") == 1 and html.count('id="id_email"') == 0


def test_the_officer_downloads_the_json_as_an_uncached_attachment(client, anna, officer):
    client.force_login(officer)
    response = client.post(EXPORT, {"email": EMAIL})
    assert response.status_code == 200 and response["Content-Type"].startswith("application/json")
    today = timezone.localdate().isoformat()
    assert response["Content-Disposition"] == f'attachment; filename="person-{today}.json"'
    assert "no-store" in response["Cache-Control"]
    data = json.loads(response.content)
    assert data["email"] == EMAIL and data["account"]["records"]["email"] == EMAIL
    assert anna.password not in response.content.decode()


def test_a_get_on_the_erase_or_export_address_does_nothing(client, anna, officer):
    client.force_login(officer)
    for url in (ERASE, f"{ERASE}?email={EMAIL}&confirm=yes", EXPORT):
        response = client.get(url)
        assert response.status_code == 302 and response.url == SEARCH
    assert User.objects.get(pk=anna.pk).email == EMAIL


def test_erasing_asks_for_confirmation_first_and_says_what_goes_and_what_stays(client, anna, officer):
    client.force_login(officer)
    response = client.post(ERASE, {"email": EMAIL})
    html = response.content.decode()
    assert response.status_code == 200 and 'name="confirm" value="yes"' in html
    assert "What will be removed" in html and "What stays" in html and "1 contact-person record is deleted" in html
    assert User.objects.get(pk=anna.pk).email == EMAIL and ContactPerson.objects.filter(email__iexact=EMAIL).exists()


def test_erasing_from_the_confirmation_erases_and_says_so(client, anna, officer):
    client.force_login(officer)
    response = client.post(ERASE, {"email": EMAIL, "confirm": "yes"}, follow=True)
    assert response.redirect_chain == [(SEARCH, 302)]
    assert "The person&#x27;s data is erased" in response.content.decode()
    assert _mentions_anywhere(EMAIL) == []
    assert AuditEvent.objects.get(content_type__model="user", object_id=str(anna.pk)).actor == officer


def test_an_officer_erasing_their_own_account_gets_a_clear_refusal(client, officer):
    client.force_login(officer)
    response = client.post(ERASE, {"email": officer.email, "confirm": "yes"}, follow=True)
    assert "You cannot erase your own account" in response.content.decode()
    assert User.objects.get(pk=officer.pk).is_active


@pytest.mark.parametrize("url", [SEARCH, EXPORT, ERASE])
def test_an_unknown_address_gives_a_clear_message_and_writes_nothing(client, anna, officer, url):
    client.force_login(officer)
    events = AuditEvent.objects.count()
    response = client.post(url, {"email": "Nobody@Example.org", "confirm": "yes"})
    assert response.status_code == 200
    assert "Nothing is held about nobody@example.org" in response.content.decode()
    assert AuditEvent.objects.count() == events and User.objects.get(pk=anna.pk).email == EMAIL


def test_a_malformed_address_is_an_error_on_the_search_form(client, officer):
    client.force_login(officer)
    html = client.post(SEARCH, {"email": "not-an-address"}).content.decode()
    assert "There is a problem" in html and "valid email" in html


# The commands


def test_person_export_writes_the_json_to_standard_output(anna):
    out = io.StringIO()
    call_command("person_export", EMAIL.upper(), stdout=out)
    data = json.loads(out.getvalue())
    assert data["contact_persons"]["records"][0]["name"] == "Anna Andersson"
    assert anna.password not in out.getvalue()


def test_person_erase_refuses_without_yes_and_erases_with_it(anna, officer):
    out = io.StringIO()
    with pytest.raises(CommandError, match="--yes"):
        call_command("person_erase", EMAIL, stdout=out)
    assert "1 contact-person records" in out.getvalue()
    assert User.objects.get(pk=anna.pk).email == EMAIL and ContactPerson.objects.exists()
    call_command("person_erase", EMAIL, "--yes", "--by", officer.email, stdout=out)
    assert _mentions_anywhere(EMAIL) == []
    event = AuditEvent.objects.get(content_type__model="user", object_id=str(anna.pk))
    assert (event.actor, event.channel) == (officer, AuditChannel.COMMAND)


@pytest.mark.parametrize("command", [["person_export"], ["person_erase", "--yes"]])
def test_the_commands_say_nothing_is_held_about_an_unknown_address(anna, command):
    events = AuditEvent.objects.count()
    with pytest.raises(CommandError, match="Nothing is held about 'nobody@example.org'"):
        call_command(*command[:1], "Nobody@example.org", *command[1:], stdout=io.StringIO())
    assert AuditEvent.objects.count() == events


def test_a_two_factor_device_is_exported_without_its_secrets_and_removed_on_erase(anna, officer):
    import pyotp

    from klusterplattform.accounts import two_factor
    from klusterplattform.accounts.models import TwoFactorDevice

    device = two_factor.enrolment_device(anna)
    recovery_codes = two_factor.confirm(device, pyotp.TOTP(device.secret).now())
    device.refresh_from_db()
    data = people.export(EMAIL)
    assert data["two_factor"]["records"]["enrolled"] is True
    assert data["two_factor"]["records"]["enrolled_since"] == device.confirmed_at.isoformat()
    text = json.dumps(data)
    assert device.secret not in text and not any(code in text for code in recovery_codes)
    assert not any(hashed in text for hashed in device.recovery_codes)
    people.erase(EMAIL, erased_by=officer)
    assert not TwoFactorDevice.objects.filter(pk=device.pk).exists()
