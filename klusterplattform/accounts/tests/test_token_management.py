"""Personal API tokens: created and revoked by their owner on the account page and through the API."""

import pytest

from klusterplattform.accounts.models import ApiToken, User


@pytest.fixture
def anna(db):
    return User.objects.create_user(email="anna@example.org", password="a-Long-enough-passphrase")


@pytest.fixture
def ola(db):
    return User.objects.create_user(email="ola@example.org")


def test_the_account_page_needs_a_signed_in_user(client, db):
    response = client.get("/konto/")
    assert response.status_code == 302 and "/konto/logga-in/?next=/konto/" in response.url


def test_a_new_token_is_shown_once_and_stored_only_as_a_hash(client, anna):
    client.force_login(anna)
    response = client.post("/en/konto/", {"name": "CRM sync", "expires_in_days": "30"})
    raw = response.context["new_token"]
    assert raw.startswith("kp_") and raw in response.content.decode()
    token = ApiToken.objects.get(user=anna)
    assert token.name == "CRM sync" and token.expires_at is not None
    assert raw not in (token.token_hash, token.prefix)
    assert raw not in client.get("/en/konto/").content.decode()  # never again
    assert response.headers["Cache-Control"].startswith("max-age=0")


def test_revoking_asks_first_then_the_token_stops_working(client, anna):
    token, raw = ApiToken.issue(anna, name="old")
    client.force_login(anna)
    confirm = client.get(f"/en/konto/nycklar/{token.pk}/aterkalla/")
    assert "cannot be undone" in confirm.content.decode()
    assert ApiToken.authenticate(raw) == anna
    assert client.post(f"/en/konto/nycklar/{token.pk}/aterkalla/").status_code == 302
    assert ApiToken.authenticate(raw) is None
    assert "revoked" in client.get("/en/konto/").content.decode()


def test_someone_elses_token_is_a_404_on_the_page(client, anna, ola):
    token, raw = ApiToken.issue(ola)
    client.force_login(anna)
    assert client.get(f"/konto/nycklar/{token.pk}/aterkalla/").status_code == 404
    assert client.post(f"/konto/nycklar/{token.pk}/aterkalla/").status_code == 404
    assert ApiToken.authenticate(raw) == ola


def _bearer(raw):
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


def test_the_api_lists_creates_and_revokes_the_callers_tokens(client, anna, ola):
    _, raw = ApiToken.issue(anna, name="script")
    ApiToken.issue(ola, name="not mine")
    listed = client.get("/api/v1/tokens", **_bearer(raw)).json()
    assert [t["name"] for t in listed] == ["script"] and listed[0]["status"] == "active"
    assert "token" not in listed[0]

    created = client.post(
        "/api/v1/tokens", {"name": "ci", "expires_in_days": 7}, content_type="application/json", **_bearer(raw)
    )
    assert created.status_code == 201
    new_raw = created.json()["token"]
    assert ApiToken.authenticate(new_raw) == anna

    assert client.delete(f"/api/v1/tokens/{created.json()['id']}", **_bearer(raw)).status_code == 204
    assert ApiToken.authenticate(new_raw) is None


def test_the_api_refuses_a_bad_expiry_and_writes_nothing(client, anna):
    _, raw = ApiToken.issue(anna)
    response = client.post(
        "/api/v1/tokens", {"expires_in_days": 99999}, content_type="application/json", **_bearer(raw)
    )
    assert response.status_code == 422
    [problem] = response.json()["detail"]
    assert problem["loc"] == ["body", "payload", "expires_in_days"] and "3650" in problem["msg"]
    assert ApiToken.objects.filter(user=anna).count() == 1


def test_the_api_answers_404_for_someone_elses_token_and_401_without_credentials(client, anna, ola):
    _, raw = ApiToken.issue(anna)
    theirs, their_raw = ApiToken.issue(ola)
    assert client.delete(f"/api/v1/tokens/{theirs.pk}", **_bearer(raw)).status_code == 404
    assert ApiToken.authenticate(their_raw) == ola
    assert client.get("/api/v1/tokens").status_code == 401
    assert client.post("/api/v1/tokens", {}, content_type="application/json").status_code == 401
