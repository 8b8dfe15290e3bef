from datetime import timedelta

import pytest
from django.utils import timezone, translation

from klusterplattform.accounts.models import LoginFailure, User

PASSWORD = "a-Long-enough-passphrase"
URL = "/en/konto/logga-in/"


@pytest.fixture
def anna(db):
    return User.objects.create_user(email="anna@example.org", password=PASSWORD)


def _sign_in(client, email, password, ip="192.0.2.10", **extra):
    with translation.override("en"):
        return client.post(URL, {"email": email, "password": password, **extra}, REMOTE_ADDR=ip)


def test_a_user_signs_in_with_email_and_password_and_is_sent_on(client, anna):
    response = _sign_in(client, "Anna@Example.org", PASSWORD, next="/kluster/")
    assert response.status_code == 302 and response.url == "/kluster/"
    assert client.get("/").context["user"] == anna


def test_a_wrong_password_gets_one_message_that_does_not_say_which_part_was_wrong(client, anna):
    response = _sign_in(client, "anna@example.org", "wrong")
    assert response.status_code == 200
    assert "The e-mail address or the password is wrong." in response.content.decode()
    assert "_auth_user_id" not in client.session
    assert LoginFailure.objects.filter(email="anna@example.org").count() == 1


def test_an_account_locks_after_five_failures_even_for_the_right_password(client, anna, settings):
    settings.KP_LOGIN_MAX_FAILURES_PER_ACCOUNT = 5
    for attempt in range(5):
        _sign_in(client, "anna@example.org", f"wrong{attempt}", ip=f"192.0.2.{attempt}")
    response = _sign_in(client, "anna@example.org", PASSWORD, ip="198.51.100.7")
    assert response.status_code == 200
    assert "Too many failed sign-ins. Try again in 15 minutes." in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_the_lock_lifts_when_the_failures_leave_the_window(client, anna, settings):
    settings.KP_LOGIN_MAX_FAILURES_PER_ACCOUNT = 3
    old = timezone.now() - timedelta(minutes=settings.KP_LOGIN_WINDOW_MINUTES + 1)
    LoginFailure.objects.bulk_create([LoginFailure(email="anna@example.org", at=old) for _ in range(3)])
    assert _sign_in(client, "anna@example.org", PASSWORD).status_code == 302


def test_one_address_trying_many_accounts_is_locked(client, anna, settings):
    settings.KP_LOGIN_MAX_FAILURES_PER_ADDRESS = 4
    for n in range(4):
        _sign_in(client, f"user{n}@example.org", "guess", ip="203.0.113.9")
    locked = _sign_in(client, "anna@example.org", PASSWORD, ip="203.0.113.9")
    assert "Too many failed sign-ins" in locked.content.decode()
    assert _sign_in(client, "anna@example.org", PASSWORD, ip="203.0.113.10").status_code == 302


def test_a_successful_sign_in_clears_the_accounts_failures(client, anna):
    _sign_in(client, "anna@example.org", "wrong")
    _sign_in(client, "anna@example.org", PASSWORD)
    assert not LoginFailure.objects.filter(email="anna@example.org").exists()


def test_an_inactive_user_cannot_sign_in(client, anna):
    anna.is_active = False
    anna.save()
    assert _sign_in(client, "anna@example.org", PASSWORD).status_code == 200


def test_a_next_address_on_another_site_is_ignored(client, anna):
    response = _sign_in(client, "anna@example.org", PASSWORD, next="https://evil.example.net/")
    assert response.url == "/"


def test_sign_out_needs_a_post_and_ends_the_session(client, anna):
    client.force_login(anna)
    assert client.get("/konto/logga-ut/").status_code == 405
    assert client.post("/konto/logga-ut/").status_code == 302
    assert "_auth_user_id" not in client.session


def test_the_sign_in_page_renders_in_swedish_and_english(client, db):
    assert 'lang="sv"' in client.get("/konto/logga-in/").content.decode()
    english = client.get(URL).content.decode()
    assert 'lang="en"' in english and "Sign in" in english and 'autocomplete="current-password"' in english
