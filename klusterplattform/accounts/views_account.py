"""The signed-in user's account page: personal API tokens, created (shown once) and revoked (after confirming)."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache

from . import tokens

EXPIRY_CHOICES = [
    ("30", gettext_lazy("30 days")),
    ("90", gettext_lazy("90 days")),
    ("365", gettext_lazy("One year")),
    ("", gettext_lazy("Never")),
]


class NewTokenForm(forms.Form):
    name = forms.CharField(label=gettext_lazy("What the token is for"), max_length=100, required=False)
    expires_in_days = forms.ChoiceField(
        label=gettext_lazy("Expires after"), choices=EXPIRY_CHOICES, initial="90", required=False
    )


@login_required
@never_cache  # the page can show a new token once: no cache may keep it
def account(request):
    form = NewTokenForm(request.POST or None)
    new_token = None
    if request.method == "POST" and form.is_valid():
        days = form.cleaned_data["expires_in_days"]
        try:
            token, new_token = tokens.issue(request.user, form.cleaned_data["name"], int(days) if days else None)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            form = NewTokenForm()
    context = {"form": form, "new_token": new_token, "tokens": tokens.tokens_of(request.user)}
    return render(request, "accounts/account.html", context)


@login_required
def revoke_token(request, token_id: int):
    token = tokens.own_token(request.user, token_id)
    if request.method == "POST":
        tokens.revoke(request.user, token_id)
        messages.success(request, _("The token %(prefix)s… is revoked.") % {"prefix": token.prefix})
        return redirect("accounts:account")
    return render(request, "accounts/token_revoke.html", {"token": token})
