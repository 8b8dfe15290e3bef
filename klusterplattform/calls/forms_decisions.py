"""Forms of the decision pages: one application, and one row per application of the bulk table."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .choices import ApplicationStatus

DECISION_CHOICES = [
    (ApplicationStatus.SELECTED.value, _("Selected")),
    (ApplicationStatus.RESERVE.value, _("Reserve")),
    (ApplicationStatus.REJECTED.value, _("Rejected")),
]


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(label=_("Decision"), choices=DECISION_CHOICES, widget=forms.RadioSelect)
    justification = forms.CharField(
        label=_("Justification"),
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Recorded with the decision and quoted in the e-mail to the applicant."),
    )

    def clean_justification(self):
        return self.cleaned_data["justification"].strip()


class DecisionRowForm(forms.Form):
    """A row of the bulk table: an empty decision leaves the application as it is."""

    decision = forms.ChoiceField(
        label=_("Decision"), choices=[("", _("No decision yet"))] + DECISION_CHOICES, required=False
    )
    justification = forms.CharField(label=_("Justification"), widget=forms.Textarea(attrs={"rows": 2}), required=False)

    def clean(self):
        data = super().clean()
        data["justification"] = (data.get("justification") or "").strip()
        if data.get("decision") and not data["justification"]:
            self.add_error("justification", _("Write a justification: it is recorded with the decision."))
        return data
