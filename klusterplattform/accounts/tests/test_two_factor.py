"""Two-factor authentication: enrolment, the sign-in code step, recovery codes, and the requirement for staff."""

import re

import pyotp
import pytest
from django.test import Client
from django.utils import timezone

from klusterplattform.accounts import two_factor
from klusterplattform.accounts.models import ApiToken, LoginFailure, TwoFactorDevice, User, hash_token
from klusterplattform.registry.tests.factories import ClusterFactory, RoleGrantFactory, UserFactory

PASSWORD = "a-Long-enough-passphrase"
LOGIN = "/en/konto/logga-in/"
CODE_STEP = "/en/konto/logga-in/kod/"
ENROL = "/en/konto/tvafaktor/"
DISABLE = "/en/konto/tvafaktor/stang-av/"
RECOVERY = ["aaaaa11111", "bbbbb22222"]

pytestmark = pytest.mark.django_db


@pytest.fixture
def anna(db):
    return User.objects.create_user(email="anna@example.org", password=PASSWORD)


@pytest.fixture
def enrolled(anna):
    """Anna with a confirmed device that has never accepted a code, and two known recovery codes."""
    return TwoFactorDevice.objects.create(
        user=anna,
        secret=pyotp.random_base32(32),
        confirmed_at=timezone.now(),
        recovery_codes=[hash_token(code) for code in RECOVERY],
    )


def code_now(device) -> str:
    return pyotp.TOTP(device.secret).now()


def wrong_code(device) -> str:
    totp = pyotp.TOTP(device.secret)
    step = totp.timecode(timezone.now())
    valid = {totp.generate_otp(s) for s in range(step - 2, step + 3)}
    return next(f"{n:06d}" for n in range(1000, 1_000_000) if f"{n:06d}" not in valid)


def password_step(client, email="anna@example.org", next_url=""):
    return client.post(LOGIN, {"email": email, "password": PASSWORD, "next": next_url})


def staff(role, **grant):
    user = UserFactory()
    RoleGrantFactory(user=user, role=role, **grant)
    return user


# --- Enrolment -----------------------------------------------------------------------------------------------------


def test_enrolling_with_a_code_from_the_app_confirms_the_device_and_shows_recovery_codes_once(client, anna):
    client.force_login(anna)
    page = client.get(ENROL).content.decode()
    device = TwoFactorDevice.objects.get(user=anna)
    assert device.confirmed_at is None
    assert two_factor.grouped_secret(device) in page
    response = client.post(ENROL, {"code": code_now(device)})
    device.refresh_from_db()
    assert device.confirmed_at is not None
    shown = re.findall(r"<code>([0-9a-f]{5}-[0-9a-f]{5})</code>", response.content.decode())
    assert len(shown) == two_factor.RECOVERY_CODE_COUNT
    assert sorted(device.recovery_codes) == sorted(hash_token(code.replace("-", "")) for code in shown)
    assert "Two-factor authentication is on" in client.get(ENROL).content.decode()  # and the codes are not shown again


def test_a_wrong_code_during_enrolment_leaves_the_device_unconfirmed(client, anna):
    client.force_login(anna)
    client.get(ENROL)
    device = TwoFactorDevice.objects.get(user=anna)
    response = client.post(ENROL, {"code": wrong_code(device)})
    assert "The code is not right." in response.content.decode()
    device.refresh_from_db()
    assert device.confirmed_at is None and device.recovery_codes == []
    assert not two_factor.has_confirmed_device(anna)


def test_the_enrolment_page_keeps_the_secret_until_confirmed(client, anna):
    client.force_login(anna)
    client.get(ENROL)
    secret = TwoFactorDevice.objects.get(user=anna).secret
    client.get(ENROL)
    assert TwoFactorDevice.objects.get(user=anna).secret == secret and len(secret) == 32


def test_the_qr_code_is_inline_svg_without_style_attributes_or_scripts(client, anna):
    client.force_login(anna)
    html = client.get(ENROL).content.decode()
    svg = re.search(r"<svg\b.*?</svg>", html, re.S).group(0)
    assert 'role="img"' in svg and 'aria-label="QR code for your authenticator app"' in svg
    assert "style" not in svg and "script" not in svg.lower()
    assert not re.search(r"\sstyle=\"", html)
    for tag in re.findall(r"<script\b[^>]*>", html):
        assert "src=" in tag


def test_the_code_input_helps_browsers_and_assistive_technology(client, anna):
    client.force_login(anna)
    html = client.get(ENROL).content.decode()
    field = re.search(r"<input[^>]*name=\"code\"[^>]*>", html).group(0)
    assert 'autocomplete="one-time-code"' in field and 'inputmode="numeric"' in field
    field_id = re.search(r'id="([^"]+)"', field).group(1)
    assert f'<label for="{field_id}"' in html


def test_anonymous_visitors_are_sent_to_sign_in_from_the_two_factor_pages(client):
    for url in (ENROL, DISABLE):
        response = client.get(url)
        assert response.status_code == 302 and response.url.startswith(LOGIN)


# --- Sign-in ---------------------------------------------------------------------------------------------------------


def test_an_enrolled_user_is_not_signed_in_by_the_password_alone(client, enrolled):
    plain = UserFactory(email="bo@example.org")
    plain.set_password(PASSWORD)
    plain.save()
    other = Client()
    assert password_step(other, email="bo@example.org").status_code == 302  # no device: the password is enough
    assert other.session["_auth_user_id"] == str(plain.pk)
    response = password_step(client)
    assert response.status_code == 302 and response.url == CODE_STEP
    assert "_auth_user_id" not in client.session
    assert client.get("/en/konto/").status_code == 302  # still a visitor


def test_the_right_code_completes_the_sign_in_and_follows_next(client, enrolled):
    password_step(client, next_url="/en/kluster/")
    response = client.post(CODE_STEP, {"code": code_now(enrolled)})
    assert response.status_code == 302 and response.url == "/en/kluster/"
    assert client.session["_auth_user_id"] == str(enrolled.user.pk)
    assert two_factor.PENDING_KEY not in client.session


def test_a_wrong_code_is_refused_and_counted_as_a_failed_sign_in(client, enrolled):
    password_step(client)
    response = client.post(CODE_STEP, {"code": wrong_code(enrolled)})
    assert response.status_code == 200
    assert "The code is wrong or has already been used." in response.content.decode()
    assert "_auth_user_id" not in client.session
    assert LoginFailure.objects.filter(email="anna@example.org").count() == 1


def test_wrong_codes_lock_the_account_like_wrong_passwords(client, enrolled, settings):
    settings.KP_LOGIN_MAX_FAILURES_PER_ACCOUNT = 3
    password_step(client)
    for _attempt in range(3):
        client.post(CODE_STEP, {"code": wrong_code(enrolled)})
    response = client.post(CODE_STEP, {"code": code_now(enrolled)})
    assert "Too many failed sign-ins." in response.content.decode()
    assert "_auth_user_id" not in client.session
    enrolled.refresh_from_db()
    assert enrolled.last_used_step is None  # a locked account's code is not even tried


def test_entering_the_password_again_does_not_forgive_wrong_codes(client, enrolled, settings):
    settings.KP_LOGIN_MAX_FAILURES_PER_ACCOUNT = 3
    password_step(client)
    client.post(CODE_STEP, {"code": wrong_code(enrolled)})
    client.post(CODE_STEP, {"code": wrong_code(enrolled)})
    assert password_step(client).url == CODE_STEP
    client.post(CODE_STEP, {"code": wrong_code(enrolled)})
    response = client.post(CODE_STEP, {"code": code_now(enrolled)})
    assert "Too many failed sign-ins." in response.content.decode()


def test_a_successful_code_clears_the_accounts_failures(client, enrolled):
    password_step(client)
    client.post(CODE_STEP, {"code": wrong_code(enrolled)})
    client.post(CODE_STEP, {"code": code_now(enrolled)})
    assert not LoginFailure.objects.filter(email="anna@example.org").exists()


def test_a_code_cannot_be_replayed(client, enrolled):
    code = code_now(enrolled)
    password_step(client)
    assert client.post(CODE_STEP, {"code": code}).status_code == 302
    client.post("/en/konto/logga-ut/")
    password_step(client)
    response = client.post(CODE_STEP, {"code": code})
    assert response.status_code == 200 and "_auth_user_id" not in client.session
    assert "The code is wrong or has already been used." in response.content.decode()


def test_an_expired_pending_sign_in_starts_over(client, enrolled):
    password_step(client)
    session = client.session
    pending = session[two_factor.PENDING_KEY]
    pending["at"] -= two_factor.PENDING_SECONDS + 1
    session[two_factor.PENDING_KEY] = pending
    session.save()
    response = client.post(CODE_STEP, {"code": code_now(enrolled)}, follow=True)
    assert response.redirect_chain[-1][0] == LOGIN
    assert "Signing in took too long. Please sign in again." in response.content.decode()
    assert "_auth_user_id" not in client.session and two_factor.PENDING_KEY not in client.session


def test_the_code_step_without_a_password_step_goes_back_to_sign_in(client, enrolled):
    response = client.post(CODE_STEP, {"code": code_now(enrolled)})
    assert response.status_code == 302 and response.url == LOGIN
    assert "_auth_user_id" not in client.session


def test_a_recovery_code_signs_in_once(client, enrolled):
    password_step(client)
    response = client.post(CODE_STEP, {"recovery_code": "AAAAA-11111"})
    assert response.status_code == 302 and client.session["_auth_user_id"] == str(enrolled.user.pk)
    enrolled.refresh_from_db()
    assert enrolled.recovery_codes == [hash_token("bbbbb22222")]
    client.post("/en/konto/logga-ut/")
    password_step(client)
    again = client.post(CODE_STEP, {"recovery_code": "aaaaa-11111"})
    assert again.status_code == 200 and "_auth_user_id" not in client.session


def test_an_empty_code_step_asks_for_a_code(client, enrolled):
    password_step(client)
    response = client.post(CODE_STEP, {"code": "", "recovery_code": ""})
    assert "Enter the code from your authenticator app, or a recovery code." in response.content.decode()
    assert not LoginFailure.objects.exists()


# --- Turning it off --------------------------------------------------------------------------------------------------


def test_a_user_turns_two_factor_off_with_a_current_code(client, enrolled):
    client.force_login(enrolled.user)
    assert "Turn off two-factor authentication?" in client.get(DISABLE).content.decode()
    assert client.post(DISABLE, {"code": wrong_code(enrolled)}).status_code == 200
    assert TwoFactorDevice.objects.filter(pk=enrolled.pk).exists()
    response = client.post(DISABLE, {"code": code_now(enrolled)})
    assert response.status_code == 302 and response.url == "/en/konto/"
    assert not TwoFactorDevice.objects.filter(user=enrolled.user).exists()


def test_staff_cannot_turn_two_factor_off_while_it_is_required(client, enrolled, settings):
    settings.KP_REQUIRE_2FA_FOR_STAFF = True
    RoleGrantFactory(user=enrolled.user, role="officer")
    client.force_login(enrolled.user)
    response = client.post(DISABLE, {"code": code_now(enrolled)})
    assert response.status_code == 403
    assert "Your role requires two-factor authentication, so it cannot be turned off." in response.content.decode()
    assert TwoFactorDevice.objects.filter(pk=enrolled.pk).exists()


# --- The requirement for staff ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/en/", "/en/kluster/", "/en/konto/", "/en/admin/", "/kluster/"])
def test_a_required_officer_without_a_device_is_sent_to_enrolment_from_any_page(client, settings, path):
    settings.KP_REQUIRE_2FA_FOR_STAFF = True
    client.force_login(staff("officer"))
    response = client.get(path)
    assert response.status_code == 302 and response.url in (ENROL, "/konto/tvafaktor/")


@pytest.mark.parametrize("path", [ENROL, "/en/integritet/", "/en/konto/losenord/aterstall/"])
def test_a_required_officer_can_still_reach_enrolment_privacy_and_password_pages(client, settings, path):
    settings.KP_REQUIRE_2FA_FOR_STAFF = True
    client.force_login(staff("officer"))
    assert client.get("/en/kluster/").status_code == 302
    assert client.get(path).status_code == 200


def test_a_required_officer_can_sign_out(client, settings):
    settings.KP_REQUIRE_2FA_FOR_STAFF = True
    client.force_login(staff("officer"))
    assert client.get("/en/kluster/").status_code == 302
    client.post("/en/konto/logga-ut/")
    assert "_auth_user_id" not in client.session


def test_an_administrators_session_api_call_is_refused_until_enrolled(client, settings):
    settings.KP_REQUIRE_2FA_FOR_STAFF = True
    admin = User.objects.create_superuser(email="admin@example.org", password=PASSWORD)
    client.force_login(admin)
    response = client.get("/api/v1/me?lang=en")
    assert response.status_code == 403
    assert "Two-factor authentication is required for your account." in response.json()["detail"]
    _token, raw = ApiToken.issue(admin)
    assert client.get("/api/v1/me", headers={"authorization": f"Bearer {raw}"}).status_code == 200


def test_an_enrolled_officer_is_not_redirected(client, settings, enrolled):
    settings.KP_REQUIRE_2FA_FOR_STAFF = True
    RoleGrantFactory(user=enrolled.user, role="officer")
    client.force_login(enrolled.user)
    assert client.get("/en/kluster/").status_code == 200
    assert client.get("/api/v1/me").status_code == 200


def test_a_cluster_manager_is_never_forced_while_an_officer_is(client, settings):
    settings.KP_REQUIRE_2FA_FOR_STAFF = True
    client.force_login(staff("cluster_manager", cluster=ClusterFactory()))
    assert client.get("/en/kluster/").status_code == 200
    assert client.get("/api/v1/me").status_code == 200
    client.force_login(staff("officer"))
    assert client.get("/en/kluster/").status_code == 302
    assert client.get("/api/v1/me").status_code == 403


def test_with_the_setting_off_nobody_is_forced(client, settings):
    officer = staff("officer")
    client.force_login(officer)
    settings.KP_REQUIRE_2FA_FOR_STAFF = False
    assert client.get("/en/kluster/").status_code == 200
    assert client.get("/api/v1/me").status_code == 200
    settings.KP_REQUIRE_2FA_FOR_STAFF = True
    assert client.get("/en/kluster/").status_code == 302


def test_the_account_page_links_to_two_factor_settings(client, anna):
    client.force_login(anna)
    assert 'href="/en/konto/tvafaktor/">Set up two-factor authentication' in client.get("/en/konto/").content.decode()


# --- Django admin ----------------------------------------------------------------------------------------------------


def test_the_admin_login_page_sends_people_to_the_platforms_sign_in(client):
    response = client.get("/en/admin/login/?next=/en/admin/accounts/user/")
    assert response.status_code == 302
    assert response.url == "/en/konto/logga-in/?next=/en/admin/accounts/user/"


def test_the_admin_login_page_cannot_be_used_to_sign_in(client, anna):
    anna.is_staff = True
    anna.save()
    client.post("/en/admin/login/", {"username": "anna@example.org", "password": PASSWORD})
    assert "_auth_user_id" not in client.session


def test_the_admin_login_page_lets_a_signed_in_staff_member_through(client, anna):
    anna.is_staff = True
    anna.save()
    client.force_login(anna)
    response = client.get("/en/admin/login/?next=/en/admin/accounts/user/")
    assert response.status_code == 302 and response.url == "/en/admin/accounts/user/"
    response = client.get("/en/admin/login/?next=https://evil.example.net/")
    assert response.status_code == 302 and response.url == "/en/admin/"
