"""Forms of the review: bulk assignment, the conflict-of-interest declaration and the review form (built from the
call's criteria). The rules live in calls/reviewing.py; these forms only read the request."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from . import reviewing


class AssignForm(forms.Form):
    applications = forms.ModelMultipleChoiceField(
        label=_("Applications"), queryset=None, widget=forms.CheckboxSelectMultiple
    )
    reviewers = forms.ModelMultipleChoiceField(label=_("Reviewers"), queryset=None, widget=forms.CheckboxSelectMultiple)

    def __init__(self, call, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["applications"].queryset = reviewing.assignable_applications(call)
        self.fields["applications"].label_from_instance = lambda application: application.cluster.name
        self.fields["reviewers"].queryset = reviewing.reviewers()
        self.fields["reviewers"].label_from_instance = lambda user: user.full_name or user.email
        self.fields["applications"].error_messages["required"] = _("Choose at least one application.")
        self.fields["reviewers"].error_messages["required"] = _("Choose at least one reviewer.")


class DeclarationForm(forms.Form):
    conflict = forms.TypedChoiceField(
        label=_("Do you have a conflict of interest with this application?"),
        choices=[
            ("no", _("No, I have no conflict of interest")),
            ("yes", _("Yes, I have a conflict of interest")),
        ],
        widget=forms.RadioSelect,
        coerce=lambda value: value == "yes",
        error_messages={"required": _("Choose whether you have a conflict of interest.")},
    )
    reason = forms.CharField(
        label=_("Describe the conflict of interest"),
        help_text=_("Required if you have a conflict. You will then no longer review this application."),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=2000,
    )

    def clean(self):
        data = super().clean()
        if data.get("conflict") and not (data.get("reason") or "").strip():
            self.add_error("reason", _("Describe the conflict of interest."))
        return data


class ReviewForm(forms.Form):
    """One radio group (score) and one comment per criterion, and an overall comment."""

    overall_comment = forms.CharField(
        label=_("Overall comment"), widget=forms.Textarea(attrs={"rows": 4}), required=False, max_length=10000
    )

    def __init__(self, criteria, *args, disabled=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = list(criteria)
        fields = {}
        for criterion in self.criteria:
            choices = [(str(v), str(v)) for v in range(criterion.scale_min, criterion.scale_max + 1)]
            if criterion.allows_na:
                choices.append(("na", _("n/a")))
            fields[f"score_{criterion.code}"] = forms.ChoiceField(
                label=_("Score"), choices=choices, widget=forms.RadioSelect, required=False, disabled=disabled
            )
            fields[f"comment_{criterion.code}"] = forms.CharField(
                label=_("Comment (required)") if criterion.comment_required else _("Comment"),
                widget=forms.Textarea(attrs={"rows": 3}),
                required=False,
                max_length=5000,
                disabled=disabled,
            )
        overall = self.fields.pop("overall_comment")
        overall.disabled = disabled
        self.fields.update(fields)
        self.fields["overall_comment"] = overall

    @staticmethod
    def initial_from(review) -> dict:
        if review is None:
            return {}
        initial = {"overall_comment": review.overall_comment}
        for code, value in review.scores.items():
            initial[f"score_{code}"] = "na" if value is None else str(value)
        for code, text in review.comments.items():
            initial[f"comment_{code}"] = text
        return initial

    def rows(self):
        """(criterion, score field, comment field) per criterion, for the template."""
        return [(c, self[f"score_{c.code}"], self[f"comment_{c.code}"]) for c in self.criteria]

    def values(self) -> tuple[dict, dict, str]:
        scores, comments = {}, {}
        for criterion in self.criteria:
            raw = self.cleaned_data.get(f"score_{criterion.code}")
            value = reviewing.parse_score(raw)
            if value != "":
                scores[criterion.code] = value
            comments[criterion.code] = self.cleaned_data.get(f"comment_{criterion.code}", "")
        return scores, comments, self.cleaned_data.get("overall_comment", "")

    def add_service_errors(self, error: ValidationError) -> None:
        for name, messages in error.message_dict.items():
            for message in messages:
                self.add_error(name if name in self.fields else None, message)
