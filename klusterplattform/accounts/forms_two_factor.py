"""Forms for two-factor authentication: confirming enrolment, and proving the second factor (sign-in, disabling)."""

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

from . import throttling, two_factor


class OneTimeCodeField(forms.CharField):
    """Six digits from an authenticator app; spaces ("123 456") are ignored."""

    default_validators = [RegexValidator(r"^\d{6}$", _("Enter the 6 digits shown in your authenticator app."))]

    def __init__(self, **kwargs):
        attrs = {"autocomplete": "one-time-code", "inputmode": "numeric", "pattern": "[0-9 ]*", "size": 8}
        kwargs.setdefault("widget", forms.TextInput(attrs=attrs))
        super().__init__(max_length=7, **kwargs)

    def to_python(self, value):
        return super().to_python(value).replace(" ", "")


class ConfirmDeviceForm(forms.Form):
    """The first code from the app proves it was set up with the right secret."""

    code = OneTimeCodeField(label=_("Code from your authenticator app"))

    def __init__(self, device, *args, **kwargs):
        self.device = device
        self.recovery_codes = None
        super().__init__(*args, **kwargs)

    def clean_code(self):
        code = self.cleaned_data["code"]
        self.recovery_codes = two_factor.confirm(self.device, code)
        if self.recovery_codes is None:
            raise ValidationError(
                _("The code is not right. Check that the clock on your phone is correct, then try the newest code."),
                code="wrong_code",
            )
        return code


class SecondFactorForm(forms.Form):
    """A code from the app, or one of the recovery codes; wrong answers count as failed sign-ins for the account."""

    code = OneTimeCodeField(label=_("Code from your authenticator app"), required=False)
    recovery_code = forms.CharField(
        label=_("Or a recovery code"),
        required=False,
        max_length=20,
        help_text=_("If you do not have your phone: one of the recovery codes you saved. Each works once."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "none", "spellcheck": "false"}),
    )

    def __init__(self, request, device, *args, **kwargs):
        self.request = request
        self.device = device
        super().__init__(*args, **kwargs)

    def clean(self):
        cleaned = super().clean()
        if self.errors:
            return cleaned
        code, recovery_code = cleaned.get("code"), cleaned.get("recovery_code", "").strip()
        if not code and not recovery_code:
            raise ValidationError(_("Enter the code from your authenticator app, or a recovery code."), code="empty")
        email = self.device.user.email
        address = throttling.client_address(self.request)
        throttling.refuse_if_locked(email, address)
        if code:
            right = two_factor.verify_code(self.device, code)
        else:
            right = two_factor.use_recovery_code(self.device, recovery_code)
        if not right:
            throttling.record_failure(email, address)
            field = "code" if code else "recovery_code"
            self.add_error(field, ValidationError(_("The code is wrong or has already been used."), code="wrong"))
            return cleaned
        throttling.clear_account(email)
        return cleaned
