"""Invitations: an officer invites a cluster manager by e-mail; the one-time, expiring link sets a password."""

import datetime
import logging
import re

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from klusterplattform.accounts.audit import events_for
from klusterplattform.accounts.models import AuditEvent, User, hash_token
from klusterplattform.core.permissions import check
from klusterplattform.registry.models import Invitation, RoleGrant
from klusterplattform.registry.tests.factories import ClusterFactory, RegionFactory, RoleGrantFactory, UserFactory

PASSWORD = "a-Long-enough-passphrase-2026"


@pytest.fixture
def region(db):
    return RegionFactory(code="25")


@pytest.fixture
def cluster(region):
    return ClusterFactory(slug="norrsken", name="Norrsken Cluster", is_published=False, regions=[region])


@pytest.fixture
def other_cluster(db):
    return ClusterFactory(slug="soderljus", name="Söderljus Cluster")


@pytest.fixture
def officer(db):
    return RoleGrantFactory(role="officer", user=UserFactory(full_name="Olga Officer")).user


@pytest.fixture
def officer_client(client, officer):
    client.force_login(officer)
    return client


def _list_url(cluster):
    return f"/en/kluster/{cluster.slug}/inbjudningar/"


def _invite(officer_client, cluster, email="new.manager@example.org") -> str:
    """Invite through the page; the path of the link in the e-mail."""
    response = officer_client.post(_list_url(cluster), {"email": email})
    assert response.status_code == 302 and response.url == _list_url(cluster)
    link = re.search(r"https?://\S+/inbjudan/\S+/", mail.outbox[-1].body).group(0)
    assert link.startswith("http://testserver/en/inbjudan/")
    return link.removeprefix("http://testserver")


def _accept(path, password=PASSWORD, again=None, full_name="Nora Manager"):
    client = Client()
    response = client.post(path, {"full_name": full_name, "password1": password, "password2": again or password})
    return client, response


def test_an_officer_invites_and_one_email_carries_a_working_link(officer_client, cluster):
    path = _invite(officer_client, cluster, "New.Manager@Example.org")
    [message] = mail.outbox
    assert message.to == ["new.manager@example.org"]
    assert "Norrsken Cluster" in message.subject and "Olga Officer" in message.body
    page = Client().get(path)
    assert page.status_code == 200
    assert "Manage Norrsken Cluster" in page.content.decode()
    assert page.headers["Referrer-Policy"] == "strict-origin"
    listing = officer_client.get(_list_url(cluster)).content.decode()
    assert "new.manager@example.org" in listing and "pending" in listing


def test_the_invitee_sets_a_password_signs_in_and_manages_exactly_that_cluster(officer_client, cluster, other_cluster):
    path = _invite(officer_client, cluster)
    invitee_client, response = _accept(path)
    assert response.status_code == 302 and response.url == "/en/kluster/norrsken/"
    welcome = invitee_client.get(response.url)
    assert welcome.context["user"].email == "new.manager@example.org"  # signed in at once
    assert "You now manage Norrsken Cluster" in welcome.content.decode()
    user = User.objects.get(email="new.manager@example.org")
    assert user.full_name == "Nora Manager"
    assert [(g.role, g.cluster_id) for g in RoleGrant.objects.filter(user=user)] == [("cluster_manager", cluster.pk)]
    assert check(user, "cluster.edit", cluster) and not check(user, "cluster.edit", other_cluster)
    signed_in = Client().post("/en/konto/logga-in/", {"email": "new.manager@example.org", "password": PASSWORD})
    assert signed_in.status_code == 302
    invitation = Invitation.objects.get()
    assert invitation.status == "accepted" and invitation.accepted_by == user


def test_the_link_works_only_once(officer_client, cluster):
    path = _invite(officer_client, cluster)
    _accept(path)
    again = Client().get(path)
    assert again.status_code == 410 and "already been used" in again.content.decode()
    _client, second = _accept(path, password="another-Long-passphrase-99")
    assert second.status_code == 410
    assert User.objects.get(email="new.manager@example.org").check_password(PASSWORD)


def test_an_expired_link_is_refused_and_writes_nothing(officer_client, cluster):
    path = _invite(officer_client, cluster)
    invitation = Invitation.objects.get()
    invitation.expires_at = timezone.now() - datetime.timedelta(minutes=1)
    invitation.save()
    page = Client().get(path)
    assert page.status_code == 410 and "has expired" in page.content.decode()
    _client, response = _accept(path)
    assert response.status_code == 410
    assert not User.objects.filter(email="new.manager@example.org").exists()
    assert not RoleGrant.objects.filter(role="cluster_manager").exists()
    invitation.refresh_from_db()
    assert invitation.accepted_at is None and invitation.status == "expired"


def test_an_invitation_expires_after_the_configured_days(officer_client, cluster, settings):
    settings.KP_INVITATION_DAYS = 3
    _invite(officer_client, cluster)
    invitation = Invitation.objects.get()
    lifetime = invitation.expires_at - invitation.created_at
    assert abs(lifetime - datetime.timedelta(days=3)) < datetime.timedelta(minutes=1)


def test_revoking_asks_first_and_then_the_link_is_refused(officer_client, cluster):
    path = _invite(officer_client, cluster)
    invitation = Invitation.objects.get()
    revoke_url = f"{_list_url(cluster)}{invitation.pk}/aterkalla/"
    confirm = officer_client.get(revoke_url)
    assert confirm.status_code == 200 and "cannot be undone" in confirm.content.decode()
    assert Invitation.objects.get().status == "pending"  # asking changes nothing
    assert officer_client.post(revoke_url).status_code == 302
    assert Invitation.objects.get().status == "revoked"
    page = Client().get(path)
    assert page.status_code == 410 and "withdrawn" in page.content.decode()
    _client, response = _accept(path)
    assert response.status_code == 410 and not User.objects.filter(email="new.manager@example.org").exists()


def test_an_unknown_link_is_a_404_with_a_clear_message(db):
    response = Client().get("/en/inbjudan/not-a-real-token/")
    assert response.status_code == 404 and "not valid" in response.content.decode()
    assert response.headers["Referrer-Policy"] == "strict-origin"


def test_inviting_the_same_address_again_replaces_the_pending_invitation(officer_client, cluster, other_cluster):
    first = _invite(officer_client, cluster)
    elsewhere = _invite(officer_client, other_cluster)
    second = _invite(officer_client, cluster)
    assert Client().get(first).status_code == 410
    assert Client().get(second).status_code == 200
    assert Client().get(elsewhere).status_code == 200  # another cluster's invitation stays
    assert sorted(i.status for i in Invitation.objects.filter(cluster=cluster)) == ["pending", "revoked"]


@pytest.mark.parametrize(
    ("password", "again", "field", "text"),
    [
        ("short1", "short1", "password1", "too short"),
        ("12345678901234", "12345678901234", "password1", "entirely numeric"),
        (PASSWORD, PASSWORD + "x", "password2", "The two passwords differ"),
    ],
)
def test_a_weak_or_mismatched_password_is_refused_and_nothing_is_written(
    officer_client, cluster, password, again, field, text
):
    path = _invite(officer_client, cluster)
    _client, response = _accept(path, password=password, again=again)
    assert response.status_code == 200
    assert any(text in error for error in response.context["form"].errors[field])
    assert not User.objects.filter(email="new.manager@example.org").exists()
    assert not RoleGrant.objects.filter(role="cluster_manager").exists()
    assert Invitation.objects.get().status == "pending"
    assert response.headers["Referrer-Policy"] == "strict-origin"


def test_an_existing_account_gets_the_role_and_keeps_its_password(officer_client, cluster):
    anna = User.objects.create_user(email="anna@example.org", password="annas-own-Long-passphrase")
    path = _invite(officer_client, cluster, "Anna@example.org")
    page = Client().get(path)
    assert "password1" not in page.context["form"].fields
    assert "already have an account" in page.content.decode()
    client, response = _accept(path, password="an-attackers-Long-passphrase")
    assert response.status_code == 302 and response.url.startswith("/en/konto/logga-in/?next=/en/kluster/norrsken/")
    assert "_auth_user_id" not in client.session  # the link does not sign anyone in to an existing account
    anna.refresh_from_db()
    assert anna.check_password("annas-own-Long-passphrase")
    assert RoleGrant.objects.filter(user=anna, role="cluster_manager", cluster=cluster).exists()
    assert User.objects.filter(email__iexact="anna@example.org").count() == 1


def test_the_token_is_stored_only_as_a_hash(officer_client, cluster):
    path = _invite(officer_client, cluster)
    raw = path.rstrip("/").rsplit("/", 1)[1]
    invitation = Invitation.objects.get()
    assert invitation.token_hash == hash_token(raw)
    stored = Invitation.objects.values_list().get()
    assert not any(raw in str(value) for value in stored)
    assert not any(raw in str(event.changes) for event in AuditEvent.objects.all())
    assert "token_hash" not in str([event.changes for event in events_for(invitation)])


def test_the_raw_token_stays_out_of_the_request_log(officer_client, cluster, caplog):
    path = _invite(officer_client, cluster)
    invitation = Invitation.objects.get()
    invitation.revoked_at = timezone.now()
    invitation.save()
    with caplog.at_level(logging.DEBUG):
        assert Client().get(path).status_code == 410
        assert Client().get("/en/inbjudan/unknown-token-123/").status_code == 404
    raw = path.rstrip("/").rsplit("/", 1)[1]
    assert raw not in caplog.text and "unknown-token-123" not in caplog.text


@pytest.mark.parametrize("persona", ["own_manager", "other_manager", "regional_officer", "signed_in"])
def test_only_officers_may_invite_or_see_the_list(client, cluster, other_cluster, region, officer, persona):
    invitation = Invitation.objects.create(
        email="x@example.org", cluster=cluster, invited_by=officer, token_hash="0" * 64, expires_at=timezone.now()
    )
    grants = {
        "own_manager": {"role": "cluster_manager", "cluster": cluster},
        "other_manager": {"role": "cluster_manager", "cluster": other_cluster},
        "regional_officer": {"role": "regional_officer", "region": region},
    }
    user = RoleGrantFactory(**grants[persona]).user if persona in grants else UserFactory()
    client.force_login(user)
    revoke_url = f"{_list_url(cluster)}{invitation.pk}/aterkalla/"
    assert client.get(_list_url(cluster)).status_code == 404
    assert client.post(_list_url(cluster), {"email": "sneaky@example.org"}).status_code == 404
    assert client.get(revoke_url).status_code == 404
    assert client.post(revoke_url).status_code == 404
    assert Invitation.objects.count() == 1 and mail.outbox == []
    assert "Invite a cluster manager" not in client.get("/en/kluster/soderljus/").content.decode()


def test_anonymous_visitors_are_sent_to_sign_in(client, cluster, officer):
    invitation = Invitation.objects.create(
        email="x@example.org", cluster=cluster, invited_by=officer, token_hash="0" * 64, expires_at=timezone.now()
    )
    for url in (_list_url(cluster), f"{_list_url(cluster)}{invitation.pk}/aterkalla/"):
        for response in (client.get(url), client.post(url, {"email": "sneaky@example.org"})):
            assert response.status_code == 302 and response.url.startswith("/en/konto/logga-in/?next=")
    assert Invitation.objects.count() == 1 and mail.outbox == []


def test_a_bad_email_address_gives_a_form_error_and_sends_nothing(officer_client, cluster):
    response = officer_client.post(_list_url(cluster), {"email": "not-an-address"})
    assert response.status_code == 200
    assert response.context["form"].errors["email"] == ["Enter a valid email address."]
    assert "There is a problem" in response.content.decode()
    assert not Invitation.objects.exists() and mail.outbox == []


def test_someone_who_already_manages_the_cluster_is_not_invited_again(officer_client, cluster):
    RoleGrantFactory(role="cluster_manager", cluster=cluster, user=UserFactory(email="boss@example.org"))
    response = officer_client.post(_list_url(cluster), {"email": "Boss@example.org"})
    assert "already manages" in response.context["form"].errors["email"][0]
    assert not Invitation.objects.exists() and mail.outbox == []


def test_the_grant_is_in_the_audit_trail_as_made_through_a_page(officer_client, cluster):
    path = _invite(officer_client, cluster)
    _accept(path)
    grant = RoleGrant.objects.get(role="cluster_manager", cluster=cluster)
    [event] = events_for(grant)
    assert (event.action, event.channel, event.actor) == ("create", "page", grant.user)
    assert {e.action for e in events_for(Invitation.objects.get())} == {"create", "update"}


def test_the_cluster_page_offers_the_invitation_to_officers(officer_client, cluster):
    html = officer_client.get("/en/kluster/norrsken/").content.decode()
    assert 'href="/en/kluster/norrsken/inbjudningar/"' in html and "Invite a cluster manager" in html


def test_the_list_shows_each_status_in_a_fixed_number_of_queries(
    officer_client, cluster, officer, django_assert_max_num_queries
):
    now = timezone.now()
    day = datetime.timedelta(days=1)
    invitee = UserFactory()
    for n, extra in enumerate(
        [
            {"expires_at": now + day},
            {"expires_at": now - day},
            {"expires_at": now + day, "revoked_at": now},
            {"expires_at": now + day, "accepted_at": now, "accepted_by": invitee},
        ]
        * 5
    ):
        Invitation.objects.create(
            email=f"p{n}@example.org", cluster=cluster, invited_by=officer, token_hash=f"{n:064d}", **extra
        )
    with django_assert_max_num_queries(6):
        html = officer_client.get(_list_url(cluster)).content.decode()
    for status in ("pending", "expired", "revoked", "accepted"):
        assert f"<td>{status}" in html
    assert html.count("/aterkalla/") == 5  # only pending invitations can be revoked
