"""Forms for inviting a cluster manager and for accepting an invitation."""

from django import forms
from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .choices import Role
from .invitations import normalise_email
from .models import RoleGrant


class InvitationForm(forms.Form):
    email = forms.EmailField(
        label=_("E-mail address"),
        help_text=_("The person gets an e-mail with a link that works once."),
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
    )

    def __init__(self, *args, cluster, **kwargs):
        self.cluster = cluster
        super().__init__(*args, **kwargs)

    def clean_email(self):
        email = normalise_email(self.cleaned_data["email"])
        managers = RoleGrant.objects.filter(role=Role.CLUSTER_MANAGER, cluster=self.cluster)
        if managers.filter(user__email__iexact=email).exists():
            raise ValidationError(_("This person already manages the cluster organisation."), code="already_manager")
        return email


class AcceptInvitationForm(forms.Form):
    """Name and a new password; someone who already has an account only confirms (their password stays)."""

    full_name = forms.CharField(
        label=_("Your name"), max_length=200, required=False, widget=forms.TextInput(attrs={"autocomplete": "name"})
    )
    password1 = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    password2 = forms.CharField(
        label=_("Password again"), strip=False, widget=forms.PasswordInput(attrs={"autocomplete": "new-password"})
    )

    def __init__(self, *args, needs_password=True, **kwargs):
        super().__init__(*args, **kwargs)
        if needs_password:
            self.fields["password1"].help_text = password_validation.password_validators_help_text_html()
        else:
            for name in ("full_name", "password1", "password2"):
                del self.fields[name]

    def clean(self):
        cleaned = super().clean()
        first, second = cleaned.get("password1"), cleaned.get("password2")
        if first and second and first != second:
            self.add_error("password2", ValidationError(_("The two passwords differ."), code="password_mismatch"))
        return cleaned
