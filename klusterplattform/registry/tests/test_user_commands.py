import io

import pytest
from django.core.management import CommandError, call_command

from klusterplattform.accounts.models import ApiToken, User
from klusterplattform.registry.models import ClusterOrganisation, Region, RoleGrant


@pytest.fixture
def cluster(db):
    return ClusterOrganisation.objects.create(name="Testklustret", slug="testklustret")


@pytest.fixture
def region(db):
    return Region.objects.create(code="12", level="county", country="SE", name_sv="Skåne län", name_en="Skåne County")


def _run(*args, stdin=""):
    out = io.StringIO()
    import sys

    old = sys.stdin
    sys.stdin = io.StringIO(stdin)
    try:
        call_command(*args, stdout=out)
    finally:
        sys.stdin = old
    return out.getvalue()


def test_adduser_creates_a_cluster_manager_with_a_generated_password_shown_once(cluster):
    output = _run("adduser", "Anna@Example.org", "--role", "cluster_manager", "--cluster", "testklustret")
    user = User.objects.get(email="anna@example.org")
    password = output.split("Password (shown once): ")[1].strip()
    assert user.check_password(password)
    assert RoleGrant.objects.filter(user=user, role="cluster_manager", cluster=cluster).exists()


def test_adduser_takes_the_password_from_standard_input(region):
    _run(
        "adduser", "ola@example.org", "--role", "regional_officer", "--region", "12", stdin="a-Long-enough-passphrase\n"
    )
    user = User.objects.get(email="ola@example.org")
    assert user.check_password("a-Long-enough-passphrase")
    assert RoleGrant.objects.get(user=user).region == region


def test_adduser_refuses_a_weak_password_and_writes_nothing(cluster):
    with pytest.raises(CommandError, match="Password refused"):
        _run("adduser", "weak@example.org", "--role", "officer", stdin="123\n")
    assert not User.objects.filter(email="weak@example.org").exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--role", "cluster_manager"], "needs --cluster"),
        (["--role", "regional_officer"], "needs --region"),
        (["--role", "cluster_manager", "--cluster", "no-such-cluster"], "No cluster organisation"),
        (["--role", "regional_officer", "--region", "99"], "No region"),
        (["--role", "officer", "--cluster", "testklustret"], "not scoped to a cluster"),
    ],
)
def test_adduser_explains_a_bad_scope_and_writes_nothing(cluster, args, message):
    with pytest.raises(CommandError, match=message):
        _run("adduser", "x@example.org", *args)
    assert not User.objects.filter(email="x@example.org").exists()


def test_adduser_on_an_existing_user_adds_the_role_once(cluster):
    _run("adduser", "k@example.org", "--role", "officer")
    _run("adduser", "k@example.org", "--role", "officer")
    _run("adduser", "k@example.org", "--role", "cluster_manager", "--cluster", "testklustret")
    user = User.objects.get(email="k@example.org")
    assert sorted(user.role_grants.values_list("role", flat=True)) == ["cluster_manager", "officer"]
    assert user.is_staff  # officers work in the admin


def test_adduser_refuses_an_invalid_email(db):
    with pytest.raises(CommandError, match="not a valid e-mail"):
        _run("adduser", "not-an-email", "--role", "officer")


def test_token_prints_a_token_that_authenticates_and_is_stored_hashed(db):
    user = User.objects.create_user(email="api@example.org", password="x-Long-enough-passphrase")
    raw = _run("token", "api@example.org").strip()
    assert raw.startswith("kp_")
    assert ApiToken.authenticate(raw) == user
    stored = ApiToken.objects.get(user=user)
    assert raw not in (stored.token_hash, stored.prefix)
    assert stored.last_used_at is not None


def test_token_for_an_unknown_user_is_an_error(db):
    with pytest.raises(CommandError, match="No active user"):
        _run("token", "nobody@example.org")


def test_expired_and_revoked_tokens_do_not_authenticate(db):
    from datetime import timedelta

    from django.utils import timezone

    user = User.objects.create_user(email="t@example.org")
    expired, raw_expired = ApiToken.issue(user, expires_at=timezone.now() - timedelta(seconds=1))
    revoked, raw_revoked = ApiToken.issue(user)
    revoked.revoked_at = timezone.now()
    revoked.save()
    assert ApiToken.authenticate(raw_expired) is None
    assert ApiToken.authenticate(raw_revoked) is None
    assert ApiToken.authenticate("kp_garbage") is None
