from django.conf import settings
from django.contrib.auth import login, logout
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST

from . import throttling, two_factor
from .forms import LoginForm


def _safe_next(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or "/"
    ok = url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure())
    return target if ok else "/"


@sensitive_post_parameters("password")
@csrf_protect
@never_cache
def sign_in(request):
    form = LoginForm(request, data=request.POST or None)
    if request.method == "POST" and form.is_valid():
        if two_factor.has_confirmed_device(form.user):
            # Not signed in yet: the code step (views_two_factor.sign_in_code) completes the sign-in.
            two_factor.begin_sign_in(request, form.user, _safe_next(request))
            return redirect("accounts:two_factor_login")
        login(request, form.user)  # rotates the session key, so a planted session id is worthless
        return redirect(_safe_next(request))
    return render(request, "accounts/login.html", {"form": form, "next": _safe_next(request)})


@require_POST
@csrf_protect
def sign_out(request):
    logout(request)
    return redirect("/")


def privacy_notice(request):
    """What personal data the platform stores and why (GDPR art. 13); the operator is named by settings."""
    context = {
        "controller": settings.KP_CONTROLLER_NAME,
        "controller_email": settings.KP_CONTROLLER_EMAIL,
        "failure_hours": throttling.RETENTION_HOURS,
        "window_minutes": settings.KP_LOGIN_WINDOW_MINUTES,
    }
    return render(request, "accounts/privacy.html", context)
