"""Bearer tokens on the API: valid, expired, revoked, garbage and missing, and when a token was last used."""

import datetime

import pytest
from django.utils import timezone

from klusterplattform.accounts.models import ApiToken
from klusterplattform.registry.tests.factories import ClusterFactory, RegionFactory, RoleGrantFactory, UserFactory

ME = "/api/v1/me"


def bearer(raw: str) -> dict:
    return {"authorization": f"Bearer {raw}"}


@pytest.fixture
def user(db):
    return UserFactory(email="anna@example.org")


def test_a_valid_token_shows_the_caller_and_their_role_grants(client, user):
    RoleGrantFactory(user=user, role="cluster_manager", cluster=ClusterFactory(slug="paper-province"))
    RoleGrantFactory(user=user, role="regional_officer", region=RegionFactory(code="17"))
    _token, raw = ApiToken.issue(user)
    response = client.get(ME, headers=bearer(raw))
    assert response.status_code == 200
    assert response.json() == {
        "email": "anna@example.org",
        "full_name": user.full_name,
        "grants": [
            {"role": "cluster_manager", "cluster": "paper-province", "region": None},
            {"role": "regional_officer", "cluster": None, "region": "17"},
        ],
    }


def assert_401_with_json_error(response):
    assert response.status_code == 401
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["detail"]
    assert response["WWW-Authenticate"].startswith("Bearer")


def test_an_expired_token_is_refused(client, user):
    _token, raw = ApiToken.issue(user, expires_at=timezone.now() - datetime.timedelta(seconds=1))
    assert_401_with_json_error(client.get(ME, headers=bearer(raw)))


def test_a_revoked_token_is_refused(client, user):
    token, raw = ApiToken.issue(user)
    token.revoked_at = timezone.now()
    token.save()
    assert_401_with_json_error(client.get(ME, headers=bearer(raw)))


@pytest.mark.parametrize("raw", ["garbage", "kp_not-a-real-token", ""])
def test_a_garbage_token_is_refused(client, user, raw):
    assert_401_with_json_error(client.get(ME, headers=bearer(raw)))


def test_a_token_of_an_inactive_user_is_refused(client, user):
    _token, raw = ApiToken.issue(user)
    user.is_active = False
    user.save()
    assert_401_with_json_error(client.get(ME, headers=bearer(raw)))


def test_me_without_credentials_is_401(client, db):
    assert_401_with_json_error(client.get(ME))


def test_me_accepts_the_browser_session(client, user):
    client.force_login(user)
    assert client.get(ME).json()["email"] == "anna@example.org"


def test_using_a_token_records_when_it_was_last_used(client, user):
    token, raw = ApiToken.issue(user)
    assert token.last_used_at is None
    client.get(ME, headers=bearer(raw))
    token.refresh_from_db()
    assert timezone.now() - token.last_used_at < datetime.timedelta(minutes=1)


def test_a_bad_token_on_a_public_endpoint_is_401_not_anonymous(client, db):
    assert_401_with_json_error(client.get("/api/v1/clusters", headers=bearer("kp_wrong")))


def test_a_token_shows_a_manager_their_own_unpublished_cluster(client, user):
    hidden = ClusterFactory(slug="hidden", is_published=False)
    RoleGrantFactory(user=user, role="cluster_manager", cluster=hidden)
    _token, raw = ApiToken.issue(user)
    assert client.get("/api/v1/clusters/hidden").status_code == 404
    assert client.get("/api/v1/clusters/hidden", headers=bearer(raw)).status_code == 200
    listed = client.get("/api/v1/clusters", headers=bearer(raw)).json()["results"]
    assert [item["slug"] for item in listed] == ["hidden"]


def test_a_token_opens_the_organisation_list_for_an_officer(client, user):
    RoleGrantFactory(user=user, role="officer")
    _token, raw = ApiToken.issue(user)
    assert client.get("/api/v1/organisations", headers=bearer(raw)).status_code == 200


def test_the_401_message_follows_the_request_language(client, db):
    english = client.get(ME, headers={"accept-language": "en"}).json()["detail"]
    assert english.startswith("Authentication required")
    assert client.get(f"{ME}?lang=en", headers=bearer("kp_wrong")).json()["detail"].startswith("The API token")
