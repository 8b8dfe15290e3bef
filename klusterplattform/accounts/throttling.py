"""Failed-login throttling: too many failures for one account, or from one address, lock sign-in for a while.

An attacker guessing one account's password is stopped by the per-account limit; one spraying many accounts from one
address is stopped by the per-address limit. The lock lifts by itself when the oldest counted failure leaves the
window, and a successful sign-in clears that account's failures.
"""

from dataclasses import dataclass
from datetime import timedelta
from math import ceil

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import ngettext

from .models import LoginFailure


@dataclass(frozen=True)
class Lock:
    locked: bool
    minutes_left: int = 0


def _window():
    return timedelta(minutes=settings.KP_LOGIN_WINDOW_MINUTES)


def lock_for(email: str, ip_address: str | None) -> Lock:
    since = timezone.now() - _window()
    recent = LoginFailure.objects.filter(at__gte=since)
    checks = [(recent.filter(email=email.strip().lower()), settings.KP_LOGIN_MAX_FAILURES_PER_ACCOUNT)]
    if ip_address:
        checks.append((recent.filter(ip_address=ip_address), settings.KP_LOGIN_MAX_FAILURES_PER_ADDRESS))
    unlock_at = None
    for failures, limit in checks:
        times = list(failures.order_by("-at").values_list("at", flat=True)[:limit])
        if len(times) >= limit:
            # Locked until the oldest of the last `limit` failures leaves the window.
            candidate = times[-1] + _window()
            unlock_at = max(unlock_at, candidate) if unlock_at else candidate
    if unlock_at is None:
        return Lock(False)
    return Lock(True, max(1, ceil((unlock_at - timezone.now()).total_seconds() / 60)))


# A failure names an e-mail address and an IP address (personal data): keep it no longer than the lock needs.
RETENTION_HOURS = 24


def record_failure(email: str, ip_address: str | None) -> None:
    LoginFailure.objects.filter(at__lt=timezone.now() - timedelta(hours=RETENTION_HOURS)).delete()
    LoginFailure.objects.create(email=email.strip().lower()[:254], ip_address=ip_address or None)


def clear_account(email: str) -> None:
    LoginFailure.objects.filter(email=email.strip().lower()).delete()


def client_address(request) -> str | None:
    # Behind a TLS proxy the client is the proxy's first X-Forwarded-For entry; otherwise the socket's peer.
    if settings.SECURE_PROXY_SSL_HEADER and request.META.get("HTTP_X_FORWARDED_FOR"):
        return request.META["HTTP_X_FORWARDED_FOR"].split(",")[0].strip() or None
    return request.META.get("REMOTE_ADDR") or None


def refuse_if_locked(email: str, ip_address: str | None) -> None:
    """Raise the form error every sign-in step shows while the account or the address is locked."""
    lock = lock_for(email, ip_address)
    if lock.locked:
        message = ngettext(
            "Too many failed sign-ins. Try again in %(minutes)d minute.",
            "Too many failed sign-ins. Try again in %(minutes)d minutes.",
            lock.minutes_left,
        )
        raise ValidationError(message % {"minutes": lock.minutes_left}, code="locked")
