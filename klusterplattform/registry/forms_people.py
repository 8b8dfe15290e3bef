"""Forms of the personal-data pages. The e-mail address travels in POST bodies, never in a URL (logs keep URLs)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from . import people


class PersonForm(forms.Form):
    email = forms.EmailField(
        label=_("E-mail address"),
        max_length=254,
        help_text=_("The address of a user or a contact person. Upper and lower case do not matter."),
    )

    def clean_email(self):
        return people.normalise(self.cleaned_data["email"])


class HiddenPersonForm(PersonForm):
    """The same address carried on from the summary to the download and the erasure."""

    email = forms.EmailField(max_length=254, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", False)  # a page holds several of these forms: no duplicate ids
        super().__init__(*args, **kwargs)
