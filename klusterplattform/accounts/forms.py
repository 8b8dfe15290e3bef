from django import forms
from django.contrib.auth import authenticate
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from . import throttling, two_factor


class LoginForm(forms.Form):
    """Sign-in by e-mail and password, refused while the account or the address is locked after failures."""

    email = forms.EmailField(label=_("E-mail address"), widget=forms.EmailInput(attrs={"autocomplete": "email"}))
    password = forms.CharField(
        label=_("Password"), strip=False, widget=forms.PasswordInput(attrs={"autocomplete": "current-password"})
    )

    def __init__(self, request, *args, **kwargs):
        self.request = request
        self.user = None
        super().__init__(*args, **kwargs)

    def clean(self):
        cleaned = super().clean()
        email, password = cleaned.get("email"), cleaned.get("password")
        if not email or not password:
            return cleaned
        address = throttling.client_address(self.request)
        throttling.refuse_if_locked(email, address)
        self.user = authenticate(self.request, email=email.strip().lower(), password=password)
        if self.user is None or not self.user.is_active:
            throttling.record_failure(email, address)
            raise ValidationError(_("The e-mail address or the password is wrong."), code="invalid_login")
        # With two-factor authentication the failures stay until the code is right too, so that guesses at the code
        # are not forgiven by signing in with the password again.
        if not two_factor.has_confirmed_device(self.user):
            throttling.clear_account(email)
        return cleaned
