"""Two-factor authentication with time-based one-time codes (TOTP, RFC 6238) and one-time recovery codes.

Staff may enrol; with settings.KP_REQUIRE_2FA_FOR_STAFF on they must, and RequireTwoFactorMiddleware sends a
staff member without a confirmed device to the enrolment page. Sign-in for an enrolled user has two steps: the
password step leaves a pending sign-in in the session (valid PENDING_SECONDS), the code step completes it.
"""

import secrets
import time
from dataclasses import dataclass

import pyotp
import segno
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Q
from django.http import JsonResponse
from django.shortcuts import redirect
from django.urls import Resolver404, resolve
from django.utils import timezone, translation
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _

from klusterplattform.core.i18n import request_language
from klusterplattform.core.permissions import has_role
from klusterplattform.core.roles import STAFF_ROLES

from .api_auth import bearer_value
from .models import TwoFactorDevice, hash_token

ISSUER = "Klusterplattform"
# A code is accepted one 30-second step early or late, for clocks that drift a little.
VALID_WINDOW = 1
RECOVERY_CODE_COUNT = 8
PENDING_KEY = "kp_2fa_pending"
PENDING_SECONDS = 5 * 60


# --- Devices -------------------------------------------------------------------------------------------------------


def confirmed_device(user) -> TwoFactorDevice | None:
    if getattr(user, "pk", None) is None:
        return None
    return TwoFactorDevice.objects.filter(user=user, confirmed_at__isnull=False).first()


def has_confirmed_device(user) -> bool:
    return confirmed_device(user) is not None


def is_required(user) -> bool:
    """Staff (officers, administrators, superusers) must use two-factor authentication while the setting is on."""
    return settings.KP_REQUIRE_2FA_FOR_STAFF and has_role(user, *STAFF_ROLES)


def enrolment_device(user) -> TwoFactorDevice:
    """The user's device; a new, unconfirmed one with a fresh secret when they have none."""
    device, _created = TwoFactorDevice.objects.get_or_create(user=user, defaults={"secret": pyotp.random_base32(32)})
    return device


def provisioning_uri(device: TwoFactorDevice) -> str:
    return pyotp.TOTP(device.secret).provisioning_uri(name=device.user.email, issuer_name=ISSUER)


def qr_code_svg(uri: str, label: str) -> SafeString:
    """The URI as an inline SVG QR code: no style attribute and no script, so the strict CSP allows it."""
    svg = segno.make(uri, micro=False).svg_inline(scale=5, border=4, dark="#000", light="#fff", svgclass="qr-code")
    svg = svg.replace("<svg ", f'<svg role="img" aria-label="{escape(label)}" ', 1)
    return mark_safe(svg)  # segno's own markup; the only text in it is the escaped label


def grouped_secret(device: TwoFactorDevice) -> str:
    """The secret in groups of four, easier to type into an app by hand (apps ignore the spaces)."""
    return " ".join(device.secret[i : i + 4] for i in range(0, len(device.secret), 4))


def _matching_step(secret: str, code: str) -> int | None:
    totp = pyotp.TOTP(secret)
    current = totp.timecode(time.time())
    for step in range(current - VALID_WINDOW, current + VALID_WINDOW + 1):
        if totp.verify(code, for_time=step * totp.interval):
            return step
    return None


def verify_code(device: TwoFactorDevice, code: str) -> bool:
    """True for a right code whose time step is newer than the last one used (so a code works once)."""
    code = (code or "").replace(" ", "")
    if not (len(code) == 6 and code.isdigit()):
        return False
    step = _matching_step(device.secret, code)
    if step is None:
        return False
    # One conditional UPDATE: of two requests racing with the same code, only one can win.
    newer = Q(last_used_step__isnull=True) | Q(last_used_step__lt=step)
    if not TwoFactorDevice.objects.filter(newer, pk=device.pk).update(last_used_step=step):
        return False
    device.last_used_step = step
    return True


def normalise_recovery_code(code: str) -> str:
    return "".join(ch for ch in (code or "").lower() if ch.isalnum())


def use_recovery_code(device: TwoFactorDevice, code: str) -> bool:
    """True once per recovery code: a code that is right is removed in the same transaction."""
    digest = hash_token(normalise_recovery_code(code))
    with transaction.atomic():
        locked = TwoFactorDevice.objects.select_for_update().get(pk=device.pk)
        if digest not in locked.recovery_codes:
            return False
        locked.recovery_codes = [kept for kept in locked.recovery_codes if kept != digest]
        locked.save(update_fields=["recovery_codes"])
    device.recovery_codes = locked.recovery_codes
    return True


def confirm(device: TwoFactorDevice, code: str) -> list[str] | None:
    """Confirm enrolment with a first valid code; returns the new recovery codes (shown once), or None."""
    if not verify_code(device, code):
        return None
    raw = [secrets.token_hex(5) for _ in range(RECOVERY_CODE_COUNT)]
    device.recovery_codes = [hash_token(code) for code in raw]
    device.confirmed_at = timezone.now()
    device.save(update_fields=["recovery_codes", "confirmed_at"])
    return [f"{code[:5]}-{code[5:]}" for code in raw]


def disable(user) -> None:
    TwoFactorDevice.objects.filter(user=user).delete()


# --- The pending sign-in between the password step and the code step ------------------------------------------------


@dataclass(frozen=True)
class PendingSignIn:
    user: object
    device: TwoFactorDevice | None
    next: str
    backend: str
    expired: bool = False


def begin_sign_in(request, user, next_url: str) -> None:
    """The password was right: remember who is signing in, not yet signed in."""
    request.session.cycle_key()  # a session id planted before the password step is worthless after it
    request.session[PENDING_KEY] = {"user": user.pk, "at": time.time(), "next": next_url, "backend": user.backend}


def pending_sign_in(request) -> PendingSignIn | None:
    """The pending sign-in, or None; an expired one is forgotten and comes back once with expired=True."""
    data = request.session.get(PENDING_KEY)
    if not data:
        return None
    user = get_user_model().objects.filter(pk=data["user"], is_active=True).first()
    expired = time.time() - data["at"] > PENDING_SECONDS
    if expired or user is None:
        end_sign_in(request)
        return PendingSignIn(None, None, "/", "", expired=True)
    return PendingSignIn(user, confirmed_device(user), data["next"], data["backend"])


def end_sign_in(request) -> None:
    request.session.pop(PENDING_KEY, None)


# --- The requirement for staff ---------------------------------------------------------------------------------------

REQUIRED_FOR_API = _(
    "Two-factor authentication is required for your account. Set it up on your account page first, "
    "or call the API with a personal API token."
)
# Pages an unenrolled staff member may still reach: to enrol, to leave, to read the privacy notice, to reset a password.
_ALLOWED_NAMES = {"accounts:two_factor", "accounts:logout", "accounts:privacy", "accounts:two_factor_login"}


def _allowed_page(request) -> bool:
    path = request.path_info
    if path.startswith((settings.STATIC_URL, "/i18n/")):
        return True
    try:
        match = resolve(path)
    except Resolver404:
        return True  # a 404 stays a 404
    name = match.view_name
    return name in _ALLOWED_NAMES or name.startswith("accounts:password_")


class RequireTwoFactorMiddleware:
    """While KP_REQUIRE_2FA_FOR_STAFF is on, a signed-in staff member without a confirmed device must enrol first.

    API calls made with a personal token are not affected: the token, not the session, authenticates them.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if settings.KP_REQUIRE_2FA_FOR_STAFF and self._must_enrol(request):
            if request.path_info.startswith("/api/"):
                if bearer_value(request) is None:
                    with translation.override(request_language(request)):
                        return JsonResponse({"detail": str(REQUIRED_FOR_API)}, status=403)
            elif not _allowed_page(request):
                return redirect("accounts:two_factor")
        return self.get_response(request)

    @staticmethod
    def _must_enrol(request) -> bool:
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return False
        return is_required(user) and not has_confirmed_device(user)
