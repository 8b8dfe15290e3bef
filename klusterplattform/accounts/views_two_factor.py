"""Two-factor authentication pages: enrol (QR code, then recovery codes once), turn off, and the sign-in code step."""

from django.contrib import admin, messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.debug import sensitive_post_parameters

from . import two_factor
from .forms_two_factor import ConfirmDeviceForm, SecondFactorForm


@login_required
@never_cache  # the page shows the secret, and after confirming the recovery codes: no cache may keep them
@sensitive_post_parameters("code")
def enrol(request):
    required = two_factor.is_required(request.user)
    device = two_factor.confirmed_device(request.user)
    if device is not None:
        context = {"device": device, "required": required, "recovery_left": len(device.recovery_codes)}
        return render(request, "accounts/two_factor_status.html", context)
    device = two_factor.enrolment_device(request.user)
    form = ConfirmDeviceForm(device, request.POST or None)
    if request.method == "POST" and form.is_valid():
        return render(request, "accounts/two_factor_recovery_codes.html", {"codes": form.recovery_codes})
    context = {
        "form": form,
        "required": required,
        "qr_code": two_factor.qr_code_svg(two_factor.provisioning_uri(device), _("QR code for your authenticator app")),
        "secret": two_factor.grouped_secret(device),
    }
    return render(request, "accounts/two_factor_enrol.html", context)


@login_required
@never_cache
@sensitive_post_parameters("code", "recovery_code")
def disable(request):
    device = two_factor.confirmed_device(request.user)
    if device is None:
        return redirect("accounts:two_factor")
    if two_factor.is_required(request.user):
        return render(request, "accounts/two_factor_disable.html", {"required": True}, status=403)
    form = SecondFactorForm(request, device, request.POST or None)
    if request.method == "POST" and form.is_valid():
        two_factor.disable(request.user)
        messages.success(request, _("Two-factor authentication is turned off."))
        return redirect("accounts:account")
    return render(request, "accounts/two_factor_disable.html", {"form": form, "required": False})


@sensitive_post_parameters("code", "recovery_code")
@csrf_protect
@never_cache
def sign_in_code(request):
    """The second step of signing in: the password was right, now a code (or a recovery code) completes it."""
    pending = two_factor.pending_sign_in(request)
    if pending is None or pending.expired or pending.device is None:
        if pending is not None and pending.expired:
            messages.info(request, _("Signing in took too long. Please sign in again."))
        two_factor.end_sign_in(request)
        return redirect("accounts:login")
    form = SecondFactorForm(request, pending.device, request.POST or None)
    if request.method == "POST" and form.is_valid():
        two_factor.end_sign_in(request)
        login(request, pending.user, backend=pending.backend)  # rotates the session key once more
        return redirect(pending.next)
    return render(request, "accounts/two_factor_login.html", {"form": form})


def admin_login(request, extra_context=None):
    """Django admin's own login form would skip the second factor: send everyone to the platform's sign-in."""
    target = request.GET.get("next", "")
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        target = reverse("admin:index")
    if admin.site.has_permission(request):
        return redirect(target)
    return redirect_to_login(target, login_url=reverse("accounts:login"))
